// One case in the cadre's queue: category, level, status, deadline, place, mode, the resident's
// contact, the mode's steps (done ✓, next ●, later ○), what the case waits for, and the action
// forms its state and mode allow (`lib/actions.ts` cadreActions), with its timeline folded.
import { cadreActions, type CadreAction, type CadrePlan } from '../../lib/actions';
import type { CaseMessage } from '../../lib/case-actions';
import { parseAccompaniment, toLocalInputValue } from '../../lib/datetime';
import { relevantDeadline } from '../../lib/deadlines';
import { h } from '../../lib/dom';
import { actionForm, Drafts, fieldId, fold, type ActionFormSpec } from '../../lib/forms';
import { formatDateTime, t } from '../../lib/i18n';
import { kindText, levelText, modeText, statusText, stepText } from '../../lib/labels';
import { casePointLine } from '../../lib/locate';
import type { CommunityNames } from '../../lib/names';
import { phoneElement, type PhoneHost } from '../../lib/phone-reveal';
import { photoField } from '../../lib/photo-picker';
import { MAX_PHOTOS } from '../../lib/photo-resize';
import { eventPhotos, photoThumbs } from '../../lib/photos';
import type { ModeProgress } from '../../lib/steps';
import { deadlineEl } from '../../lib/ticker';
import { renderTimeline } from '../../lib/timeline';
import type { CaseView } from '../../lib/types';

/** A text from locales/{zh,en}/cadre.json. */
export const tx = (key: string, params?: Record<string, string | number>): string => t(`cadre.${key}`, params);

/** What a case item is drawn with. */
export interface CaseItemParts {
  /** The cadre's id. */
  me: string;
  names: CommunityNames;
  messages: ReadonlyMap<string, CaseMessage>;
  drafts: Drafts;
  /** Folded forms (decline, escalate, timeline) left open, by `caseId:name`. */
  folds: Set<string>;
  /** Reveals the resident's masked phone number. */
  phone: PhoneHost;
}

export function renderCase(c: CaseView, signature: string, parts: CaseItemParts): HTMLLIElement {
  const { names, folds } = parts;
  const plan = cadreActions(c, parts.me);
  const status = statusText(c.status);
  const kind = kindText(c.kind);
  const mode = c.mode ? modeText(c.mode) : null;
  const level = levelText(c.level);
  const message = parts.messages.get(c.caseId);

  return h('li', {
    class: 'case-item', 'data-case-id': c.caseId, 'data-status': c.status, 'data-mode': c.mode ?? '',
    'data-level': c.level ?? 'community', 'data-signature': signature,
  },
    h('div', { class: 'case-head' },
      h('h3', { class: 'case-category' }, names.category(c.category)),
      h('span', { class: 'pills' },
        c.level && c.level !== 'community'
          ? h('span', { class: 'pill level', 'data-level': c.level }, level) : null,
        h('span', { class: 'pill', 'data-status': c.status }, status),
      ),
    ),
    h('p', { class: 'case-deadline' }, deadlineEl(relevantDeadline(c))),
    h('div', { class: 'case-meta' },
      h('span', { class: 'case-place' }, names.place(c.location)), ' · ',
      kind,
      mode ? ' · ' : null, mode ? h('strong', { class: 'case-mode' }, mode) : null,
      ' · ', h('time', { datetime: c.submittedAt }, formatDateTime(c.submittedAt)),
    ),
    c.reopenCount > 0
      ? h('p', { class: 'message', 'data-kind': 'info' }, tx('reopened', { count: c.reopenCount }))
      : null,
    h('p', { class: 'description' }, c.description),
    casePointLine(c.location),
    submittedPhotos(c),
    c.contact ? h('p', { class: 'case-contact' },
      tx('contact'), ': ', c.contact.name, ' ',
      c.contact.phone ? phoneElement(c.caseId, c.contact.phone, parts.phone) : null,
    ) : null,
    plan.progress && (c.status === 'acknowledged' || plan.progress.steps.some((s) => s.done))
      ? stepsList(c, plan.progress) : null,
    plan.waitingFor ? waitingNote(plan) : null,
    actionsFor(c, plan, parts),
    h('p', {
      class: 'message case-message', role: 'alert', hidden: !message,
      'data-kind': message?.kind ?? 'info',
    }, message?.text ?? ''),
    fold('timeline', c.caseId, tx('timeline'), folds,
      renderTimeline(c.timeline, undefined, { audience: 'staff', owner: (id) => names.owner(id) })),
    h('p', { class: 'mono muted case-id' }, c.caseId),
  );
}

/** The mode's steps with what is done (✓), what comes next (●) and what is later (○). */
function stepsList(c: CaseView, progress: ModeProgress): HTMLOListElement {
  return h('ol', { class: 'steps', 'data-steps-for': c.caseId },
    ...progress.steps.map((step) => {
      const label = stepText(step.type);
      const state = step.done ? 'done' : step.next ? 'next' : 'later';
      const arranged = step.type === 'accompanimentArranged' && step.event ? parseAccompaniment(step.event.note) : null;
      return h('li', {
        class: 'step', 'data-step': step.type, 'data-done': String(step.done), 'data-state': state, 'data-taker': step.taker,
      },
        h('span', { class: 'step-mark', 'aria-hidden': 'true' }, step.done ? '✓' : step.next ? '●' : '○'),
        h('span', { class: 'step-body' },
          label,
          step.taker === 'resident' ? h('span', { class: 'step-taker' }, ' · ', tx('byResident')) : null,
          step.optional ? h('span', { class: 'optional' }, ` ${tx('optional')}`) : null,
          step.event ? h('span', { class: 'step-when muted' }, ' · ', formatDateTime(step.event.at)) : null,
          arranged ? h('span', { class: 'step-detail' }, ` · ${[arranged.whenText, arranged.where, arranged.office].filter(Boolean).join(' · ')}`) : null,
        ),
      );
    }));
}

/** The photos the resident sent with the case, in sight before the timeline is unfolded. */
function submittedPhotos(c: CaseView): HTMLElement | null {
  const submitted = c.timeline.find((e) => e.type === 'submitted');
  const thumbs = submitted ? photoThumbs(eventPhotos(submitted), 'submitted') : null;
  return thumbs ? h('div', { class: 'case-photos', 'data-submitted-photos': '' }, thumbs) : null;
}

function waitingNote(plan: CadrePlan): HTMLElement {
  const step = stepText(plan.waitingFor);
  return h('p', { class: 'message waiting-note', 'data-waiting-for': plan.waitingFor ?? '' },
    tx('waitingFor', { step }),
    h('br'),
    h('small', {}, tx('waitingHint')));
}

const NOTE_MAX = 2000;

function actionsFor(c: CaseView, plan: CadrePlan, { drafts, folds }: CaseItemParts): HTMLElement {
  const has = (a: CadreAction): boolean => plan.actions.includes(a);
  const form = (spec: Omit<ActionFormSpec, 'caseId'>): HTMLFormElement => actionForm({ ...spec, caseId: c.caseId }, drafts);
  const box = h('div', { class: 'case-actions' });

  if (has('acknowledge')) {
    box.append(h('button', { type: 'button', class: 'block', 'data-action': 'acknowledge', 'data-case-id': c.caseId }, tx('act.acknowledge')));
  }
  if (has('start')) {
    box.append(h('button', { type: 'button', class: 'block secondary', 'data-action': 'start', 'data-case-id': c.caseId },
      tx('act.start')));
  }
  if (has('accompaniment')) {
    box.append(form({
      form: 'accompaniment',
      intro: tx('acc.intro'),
      fields: [
        { name: 'when', type: 'datetime-local', required: true, label: tx('acc.when'), min: toLocalInputValue(new Date()) },
        { name: 'where', type: 'text', required: true, label: tx('acc.where'), placeholder: tx('acc.wherePh') },
        { name: 'office', type: 'text', required: true, label: tx('acc.office'), placeholder: tx('acc.officePh') },
      ],
      submit: tx('acc.submit'),
    }));
  }
  if (has('consent')) {
    box.append(form({
      form: 'consent',
      intro: tx('consent.intro'),
      fields: [{ name: 'note', required: true, maxlength: NOTE_MAX, label: tx('consent.label'), placeholder: tx('consent.ph') }],
      submit: tx('consent.submit'),
    }));
  }
  if (has('documents')) {
    box.append(form({
      form: 'documents',
      fields: [{ name: 'note', required: true, maxlength: NOTE_MAX, label: tx('docs.label'), placeholder: tx('docs.ph') }],
      submit: tx('docs.submit'),
    }));
  }
  if (has('result')) {
    box.append(form({
      form: 'result',
      fields: [{ name: 'note', required: true, maxlength: NOTE_MAX, label: tx('result.label'), placeholder: tx('result.ph') }],
      submit: tx('result.submit'),
    }));
  }
  if (has('resolve')) {
    const resolve = form({
      form: 'resolve', className: 'resolve-form',
      fields: [
        { name: 'note', id: `note-${c.caseId}`, required: true, maxlength: NOTE_MAX, label: tx('resolve.note'), placeholder: tx('resolve.notePh') },
      ],
      submit: tx('resolve.submit'),
    });
    // Photos from the phone's camera, uploaded as they are taken; the form sends their URLs (lib/photo-picker.ts).
    const draftKey = Drafts.key(c.caseId, 'resolve', 'photos');
    resolve.querySelector('button[type="submit"]')?.before(photoField({
      id: fieldId('resolve', 'photos', c.caseId), name: 'photos', camera: true, draftKey, value: drafts.get(draftKey),
      label: t('photos.resolve.label'), hint: t('photos.resolve.hint', { max: MAX_PHOTOS }),
    }));
    box.append(resolve);
  } else if (c.status === 'acknowledged' && plan.progress?.missing && !plan.waitingFor) {
    const missing = stepText(plan.progress.missing);
    box.append(h('p', { class: 'hint', 'data-resolve-blocked': plan.progress.missing },
      tx('beforeResolve', { step: missing })));
  }
  if (has('decline')) {
    box.append(fold('decline', c.caseId, tx('decline'), folds, form({
      form: 'decline', secondary: true,
      fields: [{ name: 'reason', required: true, maxlength: NOTE_MAX, label: tx('decline.reason') }],
      submit: tx('decline.submit'),
    })));
  }
  if (has('escalate')) {
    box.append(fold('escalate', c.caseId, tx('escalate'), folds, form({
      form: 'escalate', secondary: true,
      intro: tx('escalate.intro'),
      fields: [{ name: 'reason', required: true, maxlength: NOTE_MAX, label: tx('escalate.reason') }],
      submit: tx('escalate.submit'),
    })));
  }
  return box;
}
