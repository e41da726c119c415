/**
 * Addresses of a proposal and of one of its comments. The proposal page shows its comments in
 * pages of threads (a top-level comment with its replies); a link to a comment names the comment,
 * and the page works out which page holds its thread, so that the link never lands on a page
 * without it.
 */

/** The query parameter of the page of threads (`?kommentare=2`). */
export const COMMENT_PAGE_PARAM = 'kommentare';
/** The query parameter that opens the page holding a comment (`?kommentar=123`). */
export const COMMENT_PARAM = 'kommentar';
/** Top-level comments per page, each shown with all its replies. */
export const THREADS_PER_PAGE = 20;
/** The id of the comments heading, where page links lead back to. */
export const COMMENTS_HEADING = 'comments-heading';

export function proposalPath(processId: number, proposalId: number): string {
  return `/beteiligung/${processId}/vorschlaege/${proposalId}`;
}

/** The id of a comment's element on the proposal page. */
export function commentAnchor(commentId: number): string {
  return `kommentar-${commentId}`;
}

/** The page of a proposal that shows this comment, scrolled to it. */
export function commentPath(comment: { processId: number; proposalId: number; id: number }): string {
  return `${proposalPath(comment.processId, comment.proposalId)}?${COMMENT_PARAM}=${comment.id}#${commentAnchor(comment.id)}`;
}
