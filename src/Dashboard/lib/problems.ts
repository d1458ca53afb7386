// The server's refusals (409 problem `detail`, in English with C# enum names) in plain words.
// Pure. Unknown details return null and are shown as they came.
import { statusLabel, stepLabel, modeLabel, type Label } from './labels';

type Rule = [RegExp, (m: RegExpExecArray) => Label];

const RULES: Rule[] = [
  [/has moved on: seq is (\d+), not (\d+)/i, () => ({
    zh: '诉求已有新进展，页面已更新，请看一下再操作',
    en: 'The case has moved on; the page has been updated — check it and try again',
  })],
  [/^(\w+) comes after (\w+)/, (m) => {
    const first = stepLabel(m[2]);
    return { zh: `请先完成「${first.zh}」`, en: `First: ${first.en}` };
  }],
  [/resolved after (\w+)/, (m) => {
    const step = stepLabel(m[1]);
    return { zh: `办结前还需：${step.zh}`, en: `Before resolving: ${step.en}` };
  }],
  [/^(\w+) was already recorded/, (m) => {
    const step = stepLabel(m[1]);
    return { zh: `「${step.zh}」已经记录过了`, en: `“${step.en}” was already recorded` };
  }],
  [/needs a note/, () => ({ zh: '请写一句给居民看的说明', en: 'Add a note for the resident' })],
  [/belongs to (\w+); the case is handled (\w+)/, (m) => {
    const mode = modeLabel(m[2]);
    return { zh: `办理方式已改为「${mode.zh}」`, en: `The case is now handled “${mode.en}”` };
  }],
  [/assigned to another cadre/, () => ({ zh: '此件已派给其他干部', en: 'The case is assigned to another cadre' })],
  [/already assigned to that cadre/, () => ({ zh: '此件已由该干部办理', en: 'That cadre already has the case' })],
  [/already handled (\w+)/, (m) => {
    const mode = modeLabel(m[1]);
    return { zh: `已是「${mode.zh}」`, en: `Already handled “${mode.en}”` };
  }],
  [/already with the county leader/, () => ({ zh: '已在县领导层级，不能再上报', en: 'Already with the county leader; cannot go higher' })],
  [/already at the community/, () => ({ zh: '已在社区层级，不能再交回', en: 'Already at the community; cannot hand back further' })],
  [/Only an open, unresolved case/, () => ({ zh: '诉求已办结或已关闭', en: 'The case is already resolved or closed' })],
  [/Only an open case can be merged|Cannot merge into/, () => ({ zh: '无法合并：其中一件已关闭或已合并', en: 'Cannot merge: one of the cases is closed or merged' })],
  [/Only a resolved case can be rated/, () => ({ zh: '诉求办结后才能评价', en: 'A request can be rated once it is resolved' })],
  [/only the resident confirms/i, () => ({ zh: '这一步需由居民确认', en: 'Only the resident confirms this step' })],
  [/The case is (\w+); .*needs it (\w+)/, (m) => {
    const now = statusLabel(m[1]?.toLowerCase());
    return { zh: `诉求当前为「${now.zh}」，现在不能这样操作`, en: `The case is ${now.en.toLowerCase()}; this is not possible now` };
  }],
  [/^(.+) is off duty/, (m) => ({ zh: `${m[1]} 未在值班`, en: `${m[1]} is off duty` })],
  [/^(.+) already carries (\d+) open cases/, (m) => ({ zh: `${m[1]} 已有 ${m[2]} 件在办，已达上限`, en: `${m[1]} already carries ${m[2]} open cases, their maximum` })],
  [/^(.+) is a volunteer/, (m) => ({ zh: `${m[1]} 是双报到志愿者，只接其分管类别`, en: `${m[1]} is a volunteer and takes only their own categories` })],
  [/There is no cadre/, () => ({ zh: '本社区没有这位干部', en: 'No such cadre in this community' })],
  [/cannot take the case/i, () => ({ zh: '该干部现在不能接这件', en: 'That cadre cannot take the case now' })],
];

/** Plain words for a 409 `detail`, or null when it is not one we know. */
export function explainConflict(detail: string | null | undefined): Label | null {
  if (!detail) return null;
  for (const [pattern, explain] of RULES) {
    const m = pattern.exec(detail);
    if (m) return explain(m);
  }
  return null;
}
