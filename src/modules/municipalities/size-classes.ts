/** Size classes by inhabitants, as the programme talks about its towns (its target group is 20,000–50,000). */
export const SIZE_CLASSES = [
  { key: 'xs', min: 0, max: 4_999 },
  { key: 's', min: 5_000, max: 9_999 },
  { key: 'm', min: 10_000, max: 19_999 },
  { key: 'target', min: 20_000, max: 49_999 },
  { key: 'l', min: 50_000, max: 99_999 },
  { key: 'xl', min: 100_000, max: Number.MAX_SAFE_INTEGER },
] as const;

export type SizeClass = (typeof SIZE_CLASSES)[number]['key'];

export function sizeClassOf(population: number): SizeClass {
  return (SIZE_CLASSES.find((c) => population >= c.min && population <= c.max) ?? SIZE_CLASSES[0]).key;
}

export function isSizeClass(value: unknown): value is SizeClass {
  return SIZE_CLASSES.some((c) => c.key === value);
}

export const REGIONS = ['Darmstadt', 'Gießen', 'Kassel'] as const;
