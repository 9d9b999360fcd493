import { useId, useRef, useState, type FormEvent } from 'react';
import { sendJson } from '../api-client.js';
import { useCommentsQuery, type AreaComment } from '../hooks/use-comments-query.js';
import { useI18n } from '../i18n/i18n.js';
import { problemOf } from '../server-messages.js';
import { useSession } from '../session.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { ErrorPanel, Loading } from './feedback.js';
import { usePhrase } from './phrase.js';

const MAX_LENGTH = 5000;

/**
 * The conversation about an area: comments of the user's own organisation and those shared
 * with every partner, newest first. A shared comment can become the agreed conclusion.
 * Comments are plain text: React renders them as text, line breaks kept by CSS.
 */
export function CommentsPanel({ code, areaName }: { code: string; areaName: string }) {
  const { t, locale } = useI18n();
  const phrase = usePhrase();
  const { can, user } = useSession();
  const query = useCommentsQuery(code);
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<AreaComment['visibility']>('organisation');
  const [busy, setBusy] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [deleting, setDeleting] = useState<AreaComment | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formId = useId();
  const date = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setFormError(t('comments.empty'));
      textareaRef.current?.focus();
      return;
    }
    setBusy('add');
    setFormError(null);
    try {
      await sendJson('POST', `/api/areas/${encodeURIComponent(code)}/comments`, {
        body,
        visibility,
      });
      setBody('');
      setAnnounce(t('comments.added'));
      query.reload();
    } catch (e) {
      setFormError(phrase(problemOf(e as Error).phrase));
    } finally {
      setBusy(null);
    }
  };

  const act = async (key: string, action: () => Promise<unknown>, done: string) => {
    setBusy(key);
    setListError(null);
    try {
      await action();
      setAnnounce(done);
      query.reload();
    } catch (e) {
      setListError(phrase(problemOf(e as Error).phrase));
    } finally {
      setBusy(null);
    }
  };

  const agree = (comment: AreaComment) =>
    act(
      `agree-${comment.id}`,
      () => sendJson('PATCH', `/api/comments/${comment.id}`, { agreed: !comment.agreedAt }),
      comment.agreedAt ? t('comments.unagreed') : t('comments.agreedDone'),
    );

  const remove = async (comment: AreaComment) => {
    await act(
      `delete-${comment.id}`,
      () => sendJson('DELETE', `/api/comments/${comment.id}`),
      t('comments.deleted'),
    );
    setDeleting(null);
    // The comment and its button are gone: continue from the section's heading.
    headingRef.current?.focus();
  };

  const comments = query.data?.comments ?? [];
  return (
    <section className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" ref={headingRef} tabIndex={-1}>
        {t('comments.title')}
        {comments.length > 0 ? <span className="count"> ({comments.length})</span> : null}
      </h2>
      <p className="hint comments-lead">{t('comments.lead', { area: areaName })}</p>
      <div className="comments-layout">
        {can('comments:write') ? (
          <form className="card comment-form" onSubmit={submit} aria-labelledby={`${formId}-t`}>
            <h3 id={`${formId}-t`}>{t('comments.new')}</h3>
            <div className="field">
              <label htmlFor={`${formId}-body`}>{t('comments.body')}</label>
              <textarea
                ref={textareaRef}
                id={`${formId}-body`}
                rows={4}
                maxLength={MAX_LENGTH}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                aria-invalid={formError ? true : undefined}
                aria-describedby={formError ? `${formId}-error` : undefined}
              />
            </div>
            <fieldset className="field radio-group">
              <legend>{t('comments.visibility')}</legend>
              <label className="check">
                <input
                  type="radio"
                  name={`${formId}-visibility`}
                  value="organisation"
                  checked={visibility === 'organisation'}
                  onChange={() => setVisibility('organisation')}
                />
                {t('comments.visibility.organisation.choice', {
                  organisation: user?.organisation?.name ?? '',
                })}
              </label>
              <label className="check">
                <input
                  type="radio"
                  name={`${formId}-visibility`}
                  value="partners"
                  checked={visibility === 'partners'}
                  onChange={() => setVisibility('partners')}
                />
                {t('comments.visibility.partners.choice')}
              </label>
            </fieldset>
            {formError ? (
              <p className="form-error" id={`${formId}-error`} role="alert">
                {formError}
              </p>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy === 'add'}>
                {busy === 'add' ? t('form.saving') : t('comments.submit')}
              </button>
            </div>
          </form>
        ) : null}
        <div className="comment-list-wrap">
          <p className="visually-hidden" aria-live="polite">
            {announce}
          </p>
          {listError ? (
            <p className="form-error" role="alert">
              {listError}
            </p>
          ) : null}
          {query.error ? (
            <ErrorPanel error={query.error} onRetry={query.reload} />
          ) : !query.data ? (
            <Loading label={t('comments.loading')} />
          ) : comments.length === 0 ? (
            <p className="notice">{t('comments.none')}</p>
          ) : (
            <ol className="comment-list" data-testid="comments">
              {comments.map((c) => (
                <li key={c.id}>
                  <article
                    className={c.agreedAt ? 'comment agreed' : 'comment'}
                    aria-labelledby={`comment-${c.id}-by`}
                  >
                    <header>
                      <p id={`comment-${c.id}-by`} className="comment-by">
                        <strong>{c.authorName}</strong>
                        <span className="comment-org"> · {c.organisationName}</span>
                      </p>
                      <time dateTime={c.createdAt} className="comment-date">
                        {date.format(new Date(c.createdAt))}
                      </time>
                    </header>
                    <p className="comment-badges">
                      <span className={`badge visibility ${c.visibility}`}>
                        {t(`comments.visibility.${c.visibility}`)}
                      </span>
                      {c.agreedAt ? (
                        <span className="badge agreed-badge">{t('comments.agreed')}</span>
                      ) : null}
                    </p>
                    <p className="comment-body">{c.body}</p>
                    {c.agreedAt ? (
                      <p className="hint">
                        {t('comments.agreedBy', {
                          name: c.agreedByName ?? '–',
                          date: date.format(new Date(c.agreedAt)),
                        })}
                      </p>
                    ) : null}
                    {c.canAgree || c.canDelete ? (
                      <div className="comment-actions">
                        {c.canAgree ? (
                          <button
                            type="button"
                            className="button secondary small"
                            disabled={busy !== null}
                            onClick={() => agree(c)}
                          >
                            {c.agreedAt ? t('comments.unagree') : t('comments.agree')}
                          </button>
                        ) : null}
                        {c.canDelete ? (
                          <button
                            type="button"
                            className="button secondary small danger-text"
                            disabled={busy !== null}
                            onClick={() => setDeleting(c)}
                          >
                            {t('comments.delete')}
                          </button>
                        ) : null}
                      </div>
                    ) : null}
                  </article>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
      {deleting ? (
        <ConfirmDialog
          title={t('comments.deleteTitle')}
          confirmLabel={t('comments.delete')}
          danger
          busy={busy !== null}
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>{t('comments.deleteBody')}</p>
          <blockquote className="comment-body quoted">{deleting.body}</blockquote>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
