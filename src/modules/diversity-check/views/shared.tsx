import { formatNumber } from '../../../platform/i18n/catalog.ts';
import { SubNavigation } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';

/** A score 0–100 with one decimal, or a dash where there is none. */
export function Score({ value }: { value: number | null | undefined }) {
  const { locale } = useView();
  return <>{value === null || value === undefined ? '–' : formatNumber(locale, value, 1)}</>;
}

/** A change with its sign (+12,5 / −3,0). */
export function Change({ value }: { value: number | null | undefined }) {
  const { locale } = useView();
  if (value === null || value === undefined) return <>–</>;
  const text = formatNumber(locale, Math.abs(value), 1);
  return <>{value > 0 ? `+${text}` : value < 0 ? `−${text}` : text}</>;
}

export function CheckNav({ ags, current }: { ags: string; current: 'overview' | 'new' }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/vielfalts-check`;
  const items = [
    ['overview', base, 'diversity_check.nav.overview'],
    ['new', `${base}/neu`, 'diversity_check.nav.new'],
  ] as const;
  return <SubNavigation label={t('diversity_check.nav.label')} items={items} current={current} />;
}

/** The item text in the page's language (German for German pages, English for the others). */
export function itemText(locale: string, item: { text_de: string; text_en: string }): string {
  return locale === 'de' || locale === 'de-x-leicht' ? item.text_de : item.text_en;
}
