/**
 * User-facing text. Dutch is the default; `--lang en`, GIACHECK_LANG or LANG=en* switch to English.
 * Messages live in catalog/<area>.ts, each area holding its Dutch and English text side by side so
 * a missing translation is a type error. No user text is hard-coded elsewhere.
 */
import { core } from './catalog/core.js';
import { cli } from './catalog/cli.js';

export type Lang = 'nl' | 'en';

type Catalog = Record<string, string>;
export interface AreaCatalog<K extends string = string> {
  nl: Record<K, string>;
  en: Record<K, string>;
}

const catalogs: Record<Lang, Catalog> = { nl: {}, en: {} };
let lang: Lang = 'nl';

export function registerCatalog(area: AreaCatalog): void {
  Object.assign(catalogs.nl, area.nl);
  Object.assign(catalogs.en, area.en);
}
registerCatalog(core);
registerCatalog(cli);

/** Language from an explicit option, else GIACHECK_LANG, else LANG; Dutch when unsure. */
export function resolveLang(option?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const pick = (v: string | undefined): Lang | undefined => {
    if (!v) return undefined;
    const s = v.toLowerCase();
    if (s.startsWith('en')) return 'en';
    if (s.startsWith('nl')) return 'nl';
    return undefined;
  };
  return pick(option) ?? pick(env.GIACHECK_LANG) ?? pick(env.LANG) ?? 'nl';
}

export function setLang(l: Lang): void {
  lang = l;
}

export function getLang(): Lang {
  return lang;
}

/** Look up a message and fill `{name}` placeholders. An unknown key is a programming error. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const template = catalogs[lang][key] ?? catalogs.nl[key];
  if (template === undefined) throw new Error(`i18n: no message "${key}"`);
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    params[name] === undefined ? m : String(params[name]),
  );
}

/** Pick the current language from a profile's `{ nl, en }` text. */
export function localized(text: { nl?: string; en?: string } | string | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang === 'en' ? (text.en ?? text.nl) : (text.nl ?? text.en)) ?? '';
}

/** 0.873 → "87,3%" (nl) or "87.3%" (en) */
export function formatPercent(share: number | null, digits = 1): string {
  if (share === null || Number.isNaN(share)) return '–';
  const s = (share * 100).toFixed(digits);
  return (lang === 'nl' ? s.replace('.', ',') : s) + '%';
}

export function formatNumber(n: number): string {
  return n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
}
