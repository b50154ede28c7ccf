import { en, type MessageKey } from './en';

/** The user's locale for numbers, dates and plural rules (the texts themselves are English for now). */
export const locale: string | undefined = typeof navigator === 'undefined' ? undefined : navigator.language;

const plurals = new Intl.PluralRules('en');
const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });

export type Params = Record<string, string | number | undefined>;

/**
 * The text of `key` with its `{placeholders}` filled in; numbers are formatted for the user's locale. For a message
 * with plural forms, `params.count` chooses the form.
 */
export function t(key: MessageKey, params: Params = {}): string {
  const message = en[key] as string | Readonly<Record<string, string>>;
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = typeof params.count === 'number' ? params.count : 0;
    text = message[plurals.select(count)] ?? message.other ?? '';
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}
