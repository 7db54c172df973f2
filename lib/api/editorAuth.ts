import { matchesDigest } from '../realtime/server/presenterKeys';
import { jsonError } from './jsonResponses';

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/**
 * Undefined when the request carries the editor key (`Authorization: Bearer <SITREP_EDITOR_KEY>`, compared by digest
 * in constant time); otherwise the refusal: 403 when the server has no editor key (editing is disabled) or the key is
 * wrong, 401 when none is sent. Reading stories needs no key.
 */
export function editorRefusal(request: Request, editorKeyDigest: Buffer | undefined): Response | undefined {
  if (!editorKeyDigest) {
    return jsonError(403, 'forbidden', 'Editing is disabled: the server has no editor key (its operator sets SITREP_EDITOR_KEY)');
  }
  const header = request.headers.get('authorization');
  const key = BEARER.exec(header ?? '')?.[1];
  if (header === null || header === '') {
    return jsonError(401, 'unauthorized', 'Saving needs the editor key (Authorization: Bearer <key>)', { headers: { 'www-authenticate': 'Bearer' } });
  }
  if (!key || !matchesDigest(key, editorKeyDigest)) return jsonError(403, 'forbidden', 'This is not the editor key');
  return undefined;
}
