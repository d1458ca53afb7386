// Every timeline event as a plain sentence, in Chinese and English, for the resident ("you")
// or for staff ("the resident"). Pure: no DOM, no clock.
import { parseAccompaniment } from './datetime';
import { actorLabel, camelEnum, eventLabel, levelLabel, modeLabel, type Label } from './labels';
import type { CaseEvent } from './types';

export type Audience = 'resident' | 'staff';

export interface EventContext {
  /** A name for a level owner id (sub-district, department, county); defaults to the id. */
  owner?: (id: string) => Label;
}

export interface EventDescription {
  /** The sentence. */
  title: Label;
  /** Free text worth showing under it (a reason, a note for the resident, a comment), or null. */
  note: string | null;
  /** A link the event carries (a photo, a video meeting), when it is safe to open. */
  link: { href: string; label: Label } | null;
}

/** Only http(s) links or same-site paths are ever turned into `href`s. */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\/(?!\/)/.test(v)) return v;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

const text = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);

/** "李建国" / "居民 Resident" → the words for the sentence. */
function who(event: CaseEvent): Label {
  const a = actorLabel(event.actor, event.actorName);
  return { zh: a.zh, en: a.en || a.zh };
}

function ownerOf(id: string | null | undefined, context: EventContext): Label {
  if (!id) return { zh: '上级', en: 'the level above' };
  return context.owner?.(id) ?? { zh: id, en: id };
}

/** The round number in a `reopen #2` note. */
function reopenRound(note: string | null | undefined): number | null {
  const m = /#\s*(\d+)/.exec(note ?? '');
  return m ? Number(m[1]) : null;
}

/** The sentence for one event. Unknown types fall back to their short title and note. */
export function describeEvent(event: CaseEvent, audience: Audience = 'staff', context: EventContext = {}): EventDescription {
  const resident = audience === 'resident';
  const actor = who(event);
  const note = text(event.note);
  const ref = text(event.reference);
  const plainNote = (title: Label, n: string | null = note): EventDescription => ({ title, note: n, link: null });

  switch (event.type) {
    case 'submitted':
      return plainNote(resident ? { zh: '您提交了诉求', en: 'You submitted the request' } : { zh: '居民提交了诉求', en: 'The resident submitted the request' });
    case 'accepted':
      return plainNote({ zh: '平台已受理', en: 'Accepted by the platform' });
    case 'waiting':
      return plainNote({ zh: '暂无值班干部，正在等待派单', en: 'No cadre on duty yet; waiting to be assigned' });
    case 'assigned': {
      const name = note ?? (resident ? '社区干部' : '干部');
      return plainNote({ zh: `已派给 ${name}`, en: `Assigned to ${note ?? 'a cadre'}` }, null);
    }
    case 'reassigned':
      return plainNote({ zh: `已改派给 ${note ?? '其他干部'}`, en: `Reassigned to ${note ?? 'another cadre'}` }, null);
    case 'acknowledged':
      return plainNote({ zh: `${actor.zh} 已接单`, en: `${actor.en} has taken it on` });
    case 'declined':
      return resident
        ? plainNote({ zh: '正在为您改派其他干部', en: 'Being passed to another cadre' }, null)
        : plainNote({ zh: `${actor.zh} 婉拒了此件`, en: `${actor.en} declined it` });
    case 'offerExpired':
      return resident
        ? plainNote({ zh: '正在为您改派其他干部', en: 'Being passed to another cadre' }, null)
        : plainNote({ zh: `${note ?? '干部'} 未及时接单，派单已收回`, en: `${note ?? 'The cadre'} did not acknowledge in time; the offer was withdrawn` }, null);
    case 'modeChanged': {
      const mode = modeLabel(note);
      return plainNote({ zh: `办理方式改为「${mode.zh}」`, en: `Handling changed to “${mode.en}”` }, null);
    }
    case 'workStarted':
      return plainNote({ zh: `${actor.zh} 已开始办理`, en: `${actor.en} started work` });
    case 'accompanimentArranged': {
      const a = parseAccompaniment(note);
      const detail = a ? [a.whenText, a.where, a.office].filter(Boolean).join(' · ') : note ?? '';
      return resident
        ? plainNote({ zh: `${actor.zh} 约您：${detail}`, en: `${actor.en} arranged to meet you: ${detail}` }, null)
        : plainNote({ zh: `${actor.zh} 约定陪同居民办理：${detail}`, en: `${actor.en} arranged to accompany the resident: ${detail}` }, null);
    }
    case 'ledThroughConfirmed':
      return plainNote(resident
        ? { zh: '您已确认陪同办理完成', en: 'You confirmed you were led through it' }
        : { zh: '居民确认已陪同办理', en: 'The resident confirmed being led through' });
    case 'consentRecorded':
      if (event.actor === 'resident') {
        return plainNote(resident
          ? { zh: '您已同意由干部代为办理', en: 'You agreed that the cadre acts for you' }
          : { zh: '居民已在线同意代为办理', en: 'The resident consented online' });
      }
      return plainNote(resident
        ? { zh: `${actor.zh} 已当面记录您的同意`, en: `${actor.en} recorded your consent in person` }
        : { zh: `${actor.zh} 已当面记录居民同意`, en: `${actor.en} recorded the resident's consent in person` });
    case 'documentsHandedOver':
      return plainNote(resident
        ? { zh: `您的材料已交给 ${actor.zh}`, en: `Your documents were handed over to ${actor.en}` }
        : { zh: `居民材料已交给 ${actor.zh}`, en: `The resident's documents were handed over to ${actor.en}` });
    case 'resultHandedOver':
      return plainNote(resident
        ? { zh: `${actor.zh} 已把办理结果交给您`, en: `${actor.en} handed the result over to you` }
        : { zh: `${actor.zh} 已把办理结果交给居民`, en: `${actor.en} handed the result over to the resident` });
    case 'receiptConfirmed':
      return plainNote(resident
        ? { zh: '您已确认收到办理结果', en: 'You confirmed receiving the result' }
        : { zh: '居民确认已收到办理结果', en: 'The resident confirmed receiving the result' });
    case 'resolved': {
      const href = safeHref(ref);
      return {
        title: { zh: `${actor.zh} 已办结`, en: `${actor.en} resolved it` },
        note,
        link: href ? { href, label: { zh: '查看照片', en: 'See the photo' } } : null,
      };
    }
    case 'rated':
      return plainNote(resident ? { zh: '您已评价', en: 'You rated it' } : { zh: '居民已评价', en: 'The resident rated it' });
    case 'escalated': {
      const to = ownerOf(ref, context);
      return plainNote({ zh: `已上报至${to.zh}`, en: `Escalated to ${to.en}` });
    }
    case 'returned': {
      const to = ownerOf(ref, context);
      return resident
        ? plainNote({ zh: `已交回${to.zh}继续办理`, en: `Handed back to ${to.en} to carry on` }, null)
        : plainNote({ zh: `已交回${to.zh}办理`, en: `Handed back to ${to.en}` });
    }
    case 'acknowledgeOverdue':
      return plainNote({ zh: '超过接单期限仍未接单', en: 'Not acknowledged by the deadline' }, null);
    case 'resolveOverdue': {
      const level = note ? levelLabel(camelEnum(note)) : null;
      return plainNote(level
        ? { zh: `超过${level.zh}办结期限`, en: `Not resolved by the ${level.en.toLowerCase()} deadline` }
        : { zh: '超过办结期限', en: 'Not resolved by the deadline' }, null);
    }
    case 'reopened': {
      const round = reopenRound(note);
      const n = round ? `（第 ${round} 次）` : '';
      const nEn = round ? ` (round ${round})` : '';
      return plainNote(resident
        ? { zh: `您不满意，诉求已重新办理${n}`, en: `You were not satisfied: the request is being handled again${nEn}` }
        : { zh: `居民不满意，重新办理${n}`, en: `The resident was not satisfied: reopened${nEn}` }, null);
    }
    case 'closedNoResponse':
      return plainNote({ zh: '未在期限内评价，已自动关闭', en: 'Closed: not rated in time' }, null);
    case 'merged':
      return plainNote(resident
        ? { zh: `与同一事项的诉求 ${ref ?? ''} 合并办理`, en: `Merged with case ${ref ?? ''} about the same matter` }
        : { zh: `已合并到诉求 ${ref ?? ''}`, en: `Merged into case ${ref ?? ''}` }, null);
    case 'reporterJoined':
      return plainNote(resident
        ? { zh: '其他居民也反映了同一事项', en: 'Another resident reported the same matter' }
        : { zh: `又有居民反映同一事项（${ref ?? ''}）`, en: `Another resident reported the same matter (${ref ?? ''})` }, null);
    case 'videoPetitionRequested':
      return plainNote({ zh: '已申请视频信访', en: 'A video meeting with an official was requested' });
    case 'videoPetitionScheduled': {
      const href = safeHref(ref);
      return {
        title: { zh: '视频信访已安排', en: 'Video meeting scheduled' },
        note,
        link: href ? { href, label: { zh: '进入视频会议', en: 'Join the meeting' } } : null,
      };
    }
    case 'videoPetitionHeld':
      return plainNote({ zh: '视频信访已举行', en: 'The video meeting took place' });
    case 'consultationConvened':
      return plainNote({ zh: '已召开 7+X 民主协商议事会', en: 'A 7+X consultation meeting was convened' });
    case 'possibleDuplicate':
      return resident
        ? plainNote({ zh: '正在核对同一事项的其他诉求', en: 'Checking other requests about the same matter' }, null)
        : plainNote({ zh: `可能与诉求 ${ref ?? ''} 重复`, en: `Possibly a duplicate of case ${ref ?? ''}` });
    default: {
      const label = eventLabel(event.type);
      return plainNote({ zh: label.zh, en: label.en });
    }
  }
}
