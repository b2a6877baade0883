import { demoIdentities } from './identities';
import { renderConsent, renderError, renderLogin } from './pages';

describe('eID provider pages', () => {
  const login = (over = {}) =>
    renderLogin({
      uid: 'abc_123',
      clientName: 'Cổng Dịch vụ công',
      identities: demoIdentities,
      password: 'pw',
      ...over,
    });

  it('label every field of the sign-in form, in Vietnamese with English', () => {
    const html = login();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<form method="post" action="/interaction/abc_123/login" novalidate>');
    expect(html).toContain('<label for="personal-id">Số định danh cá nhân <span lang="en">(Personal ID number)</span>');
    expect(html).toContain('<label for="password">Mật khẩu <span lang="en">(Password)</span></label>');
    expect(html).toContain('list="demo-identities"');
    expect(html).toContain('<option value="001090012345">Trần Minh Khoa</option>');
    expect(html).not.toContain('role="alert"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });

  it('say plainly when the number or password is wrong, and keep what was typed', () => {
    const html = login({ failed: true, personalId: '001090012345' });
    expect(html).toContain('role="alert"');
    expect(html).toContain('Số định danh cá nhân hoặc mật khẩu không đúng.');
    expect(html).toContain('value="001090012345"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('escape what the browser sent', () => {
    const html = login({ failed: true, personalId: '"><script>alert(1)</script>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('show the details the portal will receive before the person agrees', () => {
    const html = renderConsent({
      uid: 'abc_123',
      clientName: 'Cổng Dịch vụ công',
      identity: demoIdentities[1],
      claims: ['personal_id', 'name', 'birthdate', 'gender', 'address'],
    });
    expect(html).toContain('<dd>001195004321</dd>');
    expect(html).toContain('<dd>02/11/1995</dd>');
    expect(html).toContain('<dd>Nữ <span lang="en">(Female)</span></dd>');
    expect(html).toContain('action="/interaction/abc_123/confirm"');
    expect(html).toContain('action="/interaction/abc_123/abort"');
  });

  it('explain an expired sign-in', () => {
    expect(renderError({ error: 'invalid_request', description: 'interaction session not found' }, 400)).toContain(
      'Phiên đăng nhập đã hết hạn',
    );
  });
});
