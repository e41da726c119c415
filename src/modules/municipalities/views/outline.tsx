import type { ProjectedShape } from '../map.ts';

/** A small map: the municipality filled within its county's outline. The caption says the same in words. */
export function MunicipalityOutline({ county, municipality, title, description }: { county: ProjectedShape | null; municipality: ProjectedShape; title: string; description: string }) {
  return (
    <figure class="vv-outline">
      <svg viewBox="0 0 240 240" width="240" height="240" role="img" aria-labelledby="outline-title outline-desc" class="vv-map">
        <title id="outline-title">{title}</title>
        <desc id="outline-desc">{description}</desc>
        {county ? <path d={county.path} class="vv-map__county" /> : null}
        <path d={municipality.path} class="vv-map__focus" />
      </svg>
      <figcaption class="kern-body kern-body--small">{description}</figcaption>
    </figure>
  );
}
