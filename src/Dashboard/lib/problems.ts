// The server's refusals in plain words, in the chosen language. A refusal is a problem details
// object with a stable `code` and its `args` (docs/api.md, "Refusal codes"); its English `detail`
// is for logs and is never shown or read here. Texts: locales/{zh,en}/refusals.json, one per code.
import { formatDateTime, hasText, t } from './i18n';
import { actorText, modeText, statusText, stepText } from './labels';
import type { ProblemDetails } from './types';

type Words = (value: string) => string;

/** A comma-separated list argument, each value in words. */
const each = (words: Words): Words => (value) => value.split(',').filter(Boolean).map(words).join(' / ');
const petitionStatusText: Words = (value) =>
  hasText(`refusals.petitionStatus.${value}`) ? t(`refusals.petitionStatus.${value}`) : value;

/** Arguments that carry an enum value, in words; any other argument is shown as it came (a name, a count, an id). */
const ARG_WORDS: Record<string, Words> = {
  status: statusText,
  expected: each(statusText),
  step: stepText,
  after: stepText,
  mode: modeText,
  stepMode: modeText,
  roles: each((role) => actorText(role, null)),
  /** An instant (a lockout's end): the local time in the chosen language. */
  until: (value) => formatDateTime(value) || value,
};

/** Where one code's argument is another enum than the same name elsewhere. */
const CODE_ARG_WORDS: Record<string, Record<string, Words>> = {
  'petition-wrong-status': { status: petitionStatusText, expected: each(petitionStatusText) },
  'petition-not-open': { status: petitionStatusText },
};

/** Generic words for a status whose code is missing or unknown to this page. */
const STATUS_WORDS: Record<number, string> = {
  400: 'common.error.invalid',
  401: 'common.error.signIn',
  403: 'common.error.forbidden',
  404: 'common.error.notFound',
  409: 'common.error.notPossible',
  413: 'common.error.tooLarge',
};

/** The refusal's `code` and string `args`, read defensively from a problem details object. */
export function refusalOf(problem: ProblemDetails | null | undefined): { code: string | null; args: Record<string, string> } {
  const code = typeof problem?.code === 'string' ? problem.code : null;
  const raw: unknown = problem?.args;
  const args: Record<string, string> = {};
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      if (typeof value === 'string' || typeof value === 'number') args[name] = String(value);
    }
  }
  return { code, args };
}

/** A known refusal code in the current language with its arguments in words, or null for an unknown code. */
export function explainRefusal(code: string | null | undefined, args: Record<string, string> = {}): string | null {
  if (!code || !hasText(`refusals.${code}`)) return null;
  const words: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    const say = CODE_ARG_WORDS[code]?.[name] ?? ARG_WORDS[name];
    words[name] = say ? say(value) : value;
  }
  return t(`refusals.${code}`, words);
}

/**
 * What went wrong with an HTTP call, in plain words: by the refusal's code when this page knows
 * it, else generic words for the HTTP status (`status` 0: the network).
 */
export function explainProblem(status: number, problem: ProblemDetails | null | undefined): string {
  if (status === 0) return t('common.error.network');
  const { code, args } = refusalOf(problem);
  const explained = explainRefusal(code, args);
  if (explained) return explained;
  if (status >= 500) return t('common.error.server');
  const key = STATUS_WORDS[status];
  return key ? t(key) : `${t('common.error.other')} ${status}`;
}
