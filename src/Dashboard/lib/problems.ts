// The server's refusals (409 problem `detail`, in English with C# enum names) in plain words, in
// the chosen language. Pure apart from the current language. Unknown details return null and are
// shown as they came.
import { t } from './i18n';
import { modeText, statusText, stepText } from './labels';

type Rule = [RegExp, (m: RegExpExecArray) => string];

const RULES: Rule[] = [
  [/has moved on: seq is (\d+), not (\d+)/i, () => t('labels.conflict.movedOn')],
  [/^(\w+) comes after (\w+)/, (m) => t('labels.conflict.stepFirst', { step: stepText(m[2]) })],
  [/resolved after (\w+)/, (m) => t('labels.conflict.beforeResolve', { step: stepText(m[1]) })],
  [/^(\w+) was already recorded/, (m) => t('labels.conflict.alreadyRecorded', { step: stepText(m[1]) })],
  [/needs a note/, () => t('labels.conflict.needsNote')],
  [/belongs to (\w+); the case is handled (\w+)/, (m) => t('labels.conflict.modeNow', { mode: modeText(m[2]) })],
  [/assigned to another cadre/, () => t('labels.conflict.otherCadre')],
  [/already assigned to that cadre/, () => t('labels.conflict.sameCadre')],
  [/already handled (\w+)/, (m) => t('labels.conflict.alreadyMode', { mode: modeText(m[1]) })],
  [/already with the county leader/, () => t('labels.conflict.topLevel')],
  [/already at the community/, () => t('labels.conflict.bottomLevel')],
  [/already has an open (video )?petition|open petition/i, () => t('labels.conflict.openPetition')],
  [/Only an open, unresolved case/, () => t('labels.conflict.notOpen')],
  [/Only an open case can be merged|Cannot merge into/, () => t('labels.conflict.cannotMerge')],
  [/Only a resolved case can be rated/, () => t('labels.conflict.rateResolved')],
  [/only the resident confirms/i, () => t('labels.conflict.residentConfirms')],
  [/The case is (\w+); .*needs it (\w+)/, (m) => t('labels.conflict.wrongStatus', { status: statusText(m[1]?.toLowerCase()) })],
  [/case is closed|is closed/i, () => t('labels.conflict.closedCase')],
  [/^(.+) is off duty/, (m) => t('labels.conflict.offDuty', { name: m[1] ?? '' })],
  [/^(.+) already carries (\d+) open cases/, (m) => t('labels.conflict.full', { name: m[1] ?? '', count: m[2] ?? '' })],
  [/^(.+) is a volunteer/, (m) => t('labels.conflict.volunteer', { name: m[1] ?? '' })],
  [/There is no cadre/, () => t('labels.conflict.noCadre')],
  [/cannot take the case/i, () => t('labels.conflict.cannotTake')],
];

/** Plain words for a 409 `detail` in the current language, or null when it is not one we know. */
export function explainConflict(detail: string | null | undefined): string | null {
  if (!detail) return null;
  for (const [pattern, explain] of RULES) {
    const m = pattern.exec(detail);
    if (m) return explain(m);
  }
  return null;
}
