import type { SessionUser } from '@portal/contracts';
import type { Request } from 'express';

/** passport's req.logIn as a promise: a new session (new id, against fixation) holding the user id. */
export function logIn(req: Request, user: SessionUser): Promise<void> {
  return new Promise((resolve, reject) => req.logIn(user, (error) => (error ? reject(error) : resolve())));
}

export function logOut(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.logOut((error) => (error ? reject(error) : resolve())));
}
