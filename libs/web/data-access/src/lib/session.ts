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
  /** undefined until the first answer from the API. */
  readonly user = this.state.asReadonly();
  readonly signedIn = computed(() => !!this.state());

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
