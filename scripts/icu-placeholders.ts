import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

/** The argument names an ICU message uses, sorted: the same in every language or a text breaks. */
export function placeholders(pattern: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== TYPE.literal) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(pattern));
  return [...names].sort();
}
