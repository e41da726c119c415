import type { ComponentChildren } from 'preact';
import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import type { ProjectedShape } from '../map.ts';
import type { MunicipalityRow } from '../repository.ts';
import { sizeClassOf } from '../size-classes.ts';
import { countyLabel } from './county-label.ts';
import { MunicipalityOutline } from './outline.tsx';

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{label}</dt>
      <dd class="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

export function MunicipalityPage({
  municipality,
  outline,
  districts,
  canManage,
  strategy,
}: {
  municipality: MunicipalityRow;
  outline: { municipality: ProjectedShape; county: ProjectedShape | null } | null;
  districts: Array<{ id: number; name: string; description: string }>;
  canManage: boolean;
  strategy: ComponentChildren;
}) {
  const { t, locale } = useView();
  const m = municipality;
  const county = countyLabel(t, { name: m.county_name, type: m.county_type });
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{m.name}</h1>
        <p class="kern-body kern-body--large">{m.official_name}</p>
      </div>
      {canManage ? (
        <p class="vv-actions">
          <a class="kern-btn kern-btn--secondary" href={`/verwaltung/${m.ags}`}>
            <span class="kern-label">{t('municipalities.detail.manage')}</span>
          </a>
        </p>
      ) : null}
      <div class="vv-two-columns">
        <section aria-labelledby="facts-heading">
          <h2 class="kern-heading-medium" id="facts-heading">
            {t('municipalities.detail.facts')}
          </h2>
          <dl class="kern-description-list">
            <Fact label={t('municipalities.field.ags')}>{m.ags}</Fact>
            <Fact label={t('municipalities.field.type')}>{m.type}</Fact>
            <Fact label={t('municipalities.field.county')}>{county}</Fact>
            <Fact label={t('municipalities.field.region')}>{t('municipalities.region_value', { name: m.region })}</Fact>
            <Fact label={t('municipalities.field.population')}>{t('municipalities.population_value', { value: formatNumber(locale, m.population), date: formatDate(locale, m.population_date) })}</Fact>
            <Fact label={t('municipalities.field.census')}>{t('municipalities.census_value', { value: formatNumber(locale, m.population_census_2022) })}</Fact>
            <Fact label={t('municipalities.field.area')}>{t('municipalities.area_value', { value: formatNumber(locale, m.area_km2, 2) })}</Fact>
            <Fact label={t('municipalities.field.size')}>{t(`municipalities.size.${sizeClassOf(m.population)}`)}</Fact>
            <Fact label={t('municipalities.field.participation')}>
              {m.joined_on ? (
                <>
                  {t('municipalities.participating_since', { date: formatDate(locale, m.joined_on) })}
                  {m.cohort_label ? ` · ${m.cohort_label}` : ''}
                </>
              ) : (
                t('municipalities.detail.not_participating')
              )}
            </Fact>
          </dl>
        </section>
        {outline ? (
          <MunicipalityOutline
            municipality={outline.municipality}
            county={outline.county}
            title={t('municipalities.detail.map_title', { name: m.name })}
            description={t('municipalities.detail.map_description', { name: m.name, county })}
          />
        ) : null}
      </div>
      <section aria-labelledby="districts-heading">
        <h2 class="kern-heading-medium" id="districts-heading">
          {t('municipalities.districts.title')}
        </h2>
        {districts.length ? (
          <ul class="kern-list kern-list--bullet">
            {districts.map((d) => (
              <li key={d.id}>
                {d.name}
                {d.description ? <span class="vv-muted"> – {d.description}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="kern-body">{t('municipalities.districts.none')}</p>
        )}
      </section>
      {m.joined_on ? (
        <section aria-labelledby="strategy-heading">
          <h2 class="kern-heading-medium" id="strategy-heading">
            {t('municipalities.detail.strategy')}
          </h2>
          {strategy}
          <p>
            <a class="kern-link" href={`/kommunen/${m.ags}/umsetzung`}>
              {t('municipalities.detail.implementation_link', { name: m.name })}
            </a>
          </p>
        </section>
      ) : null}
    </>
  );
}
