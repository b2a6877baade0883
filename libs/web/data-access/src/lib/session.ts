import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginRequest, RegisterRequest, SessionResponse, SessionUser } from '@portal/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * Who is signed in. The API keeps the session in an httpOnly cookie; each call
 * here also refreshes the CSRF token cookie that Angular echoes on later requests.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly state = signal<SessionUser | null | undefined>(undefined);
  private pending?: Promise<SessionUser | null>;
  /** undefined until the first answer from the API. */
  readonly user = this.state.asReadonly();
  readonly signedIn = computed(() => !!this.state());

  /** The signed-in person, loading the session first if it is not known yet (one request, however many ask). */
  resolve(): Promise<SessionUser | null> {
    const known = this.state();
    if (known !== undefined) return Promise.resolve(known);
    this.pending ??= this.load().finally(() => (this.pending = undefined));
    return this.pending;
  }

  async load(): Promise<SessionUser | null> {
    try {
      const { user } = await firstValueFrom(this.http.get<SessionResponse>('/api/auth/session'));
      this.state.set(user);
      return user;
    } catch {
      this.state.set(null);
      return null;
    }
  }

  async register(request: RegisterRequest): Promise<SessionUser> {
    const { user } = await firstValueFrom(this.http.post<SessionResponse>('/api/auth/register', request));
    this.state.set(user);
    return user as SessionUser;
  }

  async login(request: LoginRequest): Promise<SessionUser> {
    const { user } = await firstValueFrom(this.http.post<SessionResponse>('/api/auth/login', request));
    this.state.set(user);
    return user as SessionUser;
  }

  async logout(): Promise<void> {
    await firstValueFrom(this.http.post<SessionResponse>('/api/auth/logout', {}));
    this.state.set(null);
  }
}
