import type { DemoIdentity } from './identities';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Vietnamese first, then the English in a span marked as English for screen readers. */
function both(vi: string, en: string): string {
  return `${vi} <span lang="en">(${en.charAt(0).toUpperCase()}${en.slice(1)})</span>`;
}

const styles = `
  body { font-family: system-ui, sans-serif; margin: 0; line-height: 1.5; color: #0b0c0c; background: #fff; }
  header { background: #a50e0e; color: #fff; padding: 0.75rem 1rem; }
  header p { margin: 0 auto; font-weight: 700; max-width: 42rem; }
  main, footer { max-width: 44rem; margin: 0 auto; padding: 1rem; }
  footer { border-top: 1px solid #b1b4b6; font-size: 0.95rem; }
  h1 { font-size: 1.75rem; line-height: 1.2; }
  a { color: #1d4ed8; }
  a:focus-visible, input:focus-visible, button:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 5px #0b0c0c; }
  .notice { border-left: 5px solid #1d4ed8; background: #f3f2f1; padding: 0.75rem 1rem; }
  .error { border: 4px solid #b00020; padding: 0.75rem 1rem; margin-bottom: 1rem; }
  .error p { margin: 0; color: #b00020; font-weight: 700; }
  .field { margin-bottom: 1.25rem; }
  label { display: block; font-weight: 700; }
  .hint { display: block; color: #484949; }
  input { font: inherit; padding: 0.4rem; border: 2px solid #0b0c0c; width: 100%; max-width: 20rem; box-sizing: border-box; }
  input[aria-invalid='true'] { border-color: #b00020; }
  button { font: inherit; font-weight: 700; padding: 0.55rem 1rem; border: 0; cursor: pointer; margin: 0.25rem 0.5rem 0.75rem 0; }
  .primary { background: #00703c; color: #fff; box-shadow: 0 2px 0 #002d18; }
  .secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
  .actions { display: flex; flex-wrap: wrap; align-items: flex-start; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; font-weight: 700; padding: 0.5rem 0; }
  th, td { border-bottom: 1px solid #b1b4b6; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 700; }
  dd { margin: 0; }
  code { font-size: 1rem; }
  @media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.5rem; } }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<header>
<p>VNeID — ${both('Định danh điện tử quốc gia · bản mô phỏng', 'national eID · stand-in')}</p>
</header>
<main>
${body}
</main>
<footer>
<p>${both(
    'Đây là máy chủ định danh mô phỏng để phát triển và kiểm thử Cổng Dịch vụ công; mọi danh tính ở đây là dữ liệu minh họa.',
    'a stand-in identity provider for developing and testing the portal; every identity here is demonstration data',
  )}</p>
</footer>
</body>
</html>
`;
}

function identityTable(identities: readonly DemoIdentity[], password: string): string {
  const rows = identities
    .map(
      (identity) => `<tr>
<td>${escapeHtml(identity.fullName)}</td>
<td><code>${escapeHtml(identity.personalId)}</code></td>
<td>${escapeHtml(identity.birthdate.split('-').reverse().join('/'))}</td>
</tr>`,
    )
    .join('\n');
  return `<table>
<caption>${both(`Mật khẩu chung: ${escapeHtml(password)}`, `all with the password ${escapeHtml(password)}`)}</caption>
<thead>
<tr><th scope="col">${both('Họ và tên', 'name')}</th><th scope="col">${both('Số định danh cá nhân', 'personal ID number')}</th><th scope="col">${both('Ngày sinh', 'date of birth')}</th></tr>
</thead>
<tbody>
${rows}
</tbody>
</table>`;
}

export interface LoginPageInput {
  uid: string;
  clientName: string;
  identities: readonly DemoIdentity[];
  password: string;
  /** What the person typed, shown again after a failed attempt. */
  personalId?: string;
  failed?: boolean;
}

/** The sign-in form: pick or type a personal ID number, then the password. */
export function renderLogin(input: LoginPageInput): string {
  const uid = encodeURIComponent(input.uid);
  const describedBy = input.failed ? 'personal-id-hint login-error' : 'personal-id-hint';
  const invalid = input.failed ? ' aria-invalid="true"' : '';
  const error = input.failed
    ? `<div class="error" role="alert" id="login-error">
<p>${both('Số định danh cá nhân hoặc mật khẩu không đúng.', 'the personal ID number or the password is not right')}</p>
</div>`
    : '';
  const options = input.identities
    .map((identity) => `<option value="${escapeHtml(identity.personalId)}">${escapeHtml(identity.fullName)}</option>`)
    .join('\n');
  return page(
    'Đăng nhập VNeID (Sign in with VNeID)',
    `<h1>${both('Đăng nhập bằng tài khoản định danh điện tử', 'sign in with your national eID')}</h1>
<p>${both(
      `<strong>${escapeHtml(input.clientName)}</strong> đề nghị bạn đăng nhập để xác thực danh tính.`,
      `${escapeHtml(input.clientName)} asks you to sign in to prove who you are`,
    )}</p>
${error}
<form method="post" action="/interaction/${uid}/login" novalidate>
<div class="field">
<label for="personal-id">${both('Số định danh cá nhân', 'personal ID number')}</label>
<span class="hint" id="personal-id-hint">${both('12 chữ số; chọn một danh tính thử nghiệm hoặc gõ số', '12 digits; pick a demo identity or type the number')}</span>
<input id="personal-id" name="personal_id" type="text" inputmode="numeric" autocomplete="username" spellcheck="false" maxlength="14" list="demo-identities" value="${escapeHtml(input.personalId ?? '')}" aria-describedby="${describedBy}"${invalid}>
<datalist id="demo-identities">
${options}
</datalist>
</div>
<div class="field">
<label for="password">${both('Mật khẩu', 'password')}</label>
<input id="password" name="password" type="password" autocomplete="current-password"${invalid}${input.failed ? ' aria-describedby="login-error"' : ''}>
</div>
<div class="actions">
<button type="submit" class="primary">${both('Đăng nhập', 'sign in')}</button>
</div>
</form>
<form method="post" action="/interaction/${uid}/abort">
<button type="submit" class="secondary">${both('Hủy, quay lại', 'cancel and go back')}</button>
</form>
<h2>${both('Danh tính thử nghiệm', 'demo identities')}</h2>
${identityTable(input.identities, input.password)}`,
  );
}

/** What each claim is called on the consent page. */
const claimLabels: Record<string, [string, string]> = {
  personal_id: ['Số định danh cá nhân', 'personal ID number'],
  name: ['Họ, chữ đệm và tên', 'full name'],
  birthdate: ['Ngày, tháng, năm sinh', 'date of birth'],
  gender: ['Giới tính', 'sex'],
  address: ['Nơi thường trú', 'permanent address'],
};

const genderLabels: Record<string, [string, string]> = { male: ['Nam', 'male'], female: ['Nữ', 'female'] };

export interface ConsentPageInput {
  uid: string;
  clientName: string;
  identity: DemoIdentity;
  /** The claims the portal asks for, in the order shown. */
  claims: string[];
}

function claimValue(identity: DemoIdentity, claim: string): string {
  switch (claim) {
    case 'personal_id':
      return escapeHtml(identity.personalId);
    case 'name':
      return escapeHtml(identity.fullName);
    case 'birthdate':
      return escapeHtml(identity.birthdate.split('-').reverse().join('/'));
    case 'gender': {
      const [vi, en] = genderLabels[identity.gender];
      return both(vi, en);
    }
    case 'address':
      return escapeHtml(identity.permanentAddress);
    default:
      return '';
  }
}

/** Asks the person to agree to share their details with the portal. */
export function renderConsent(input: ConsentPageInput): string {
  const uid = encodeURIComponent(input.uid);
  const rows = input.claims
    .filter((claim) => claimLabels[claim])
    .map((claim) => {
      const [vi, en] = claimLabels[claim];
      return `<dt>${both(vi, en)}</dt>\n<dd>${claimValue(input.identity, claim)}</dd>`;
    })
    .join('\n');
  return page(
    'Chia sẻ thông tin (Share your details)',
    `<h1>${both('Chia sẻ thông tin định danh', 'share your identity details')}</h1>
<p>${both(`Xin chào, ${escapeHtml(input.identity.fullName)}.`, `hello, ${escapeHtml(input.identity.fullName)}`)}</p>
<p>${both(
      `<strong>${escapeHtml(input.clientName)}</strong> sẽ nhận các thông tin sau từ Cơ sở dữ liệu quốc gia về dân cư:`,
      `${escapeHtml(input.clientName)} will receive these details from the national population database`,
    )}</p>
<dl>
${rows}
</dl>
<div class="actions">
<form method="post" action="/interaction/${uid}/confirm">
<button type="submit" class="primary">${both('Đồng ý chia sẻ', 'allow')}</button>
</form>
<form method="post" action="/interaction/${uid}/abort">
<button type="submit" class="secondary">${both('Từ chối', 'deny')}</button>
</form>
</div>`,
  );
}

/** The stand-in's own address: what it is, where its metadata is, who can sign in. */
export function renderHome(issuer: string, identities: readonly DemoIdentity[], password: string): string {
  const discovery = `${issuer}/.well-known/openid-configuration`;
  return page(
    'VNeID (bản mô phỏng · stand-in)',
    `<h1>${both('Máy chủ định danh điện tử mô phỏng', 'national eID stand-in')}</h1>
<p class="notice">${both(
      'Cổng Dịch vụ công đăng nhập người dân qua OpenID Connect (mã ủy quyền + PKCE) tại đây thay cho VNeID thật.',
      'the portal signs citizens in here over OpenID Connect (authorisation code + PKCE) instead of the real VNeID',
    )}</p>
<p>${both('Siêu dữ liệu', 'metadata')}: <a href="${escapeHtml(discovery)}">${escapeHtml(discovery)}</a></p>
<h2>${both('Danh tính thử nghiệm', 'demo identities')}</h2>
${identityTable(identities, password)}`,
  );
}

/** An error the person cannot fix here, e.g. an expired sign-in or a request the provider refuses. */
export function renderError(details: { error: string; description?: string }, status: number): string {
  const expired = status === 400 && /session|interaction|cookie/i.test(`${details.error} ${details.description ?? ''}`);
  const advice = expired
    ? both(
        'Phiên đăng nhập đã hết hạn. Vui lòng quay lại Cổng Dịch vụ công và bắt đầu lại.',
        'the sign-in has expired; go back to the portal and start again',
      )
    : both(
        'Không thể xử lý yêu cầu đăng nhập này. Vui lòng quay lại Cổng Dịch vụ công và thử lại.',
        'this sign-in request cannot be handled; go back to the portal and try again',
      );
  return page(
    'Có lỗi xảy ra (Something went wrong)',
    `<h1>${both('Có lỗi xảy ra', 'something went wrong')}</h1>
<p>${advice}</p>
<dl>
<dt>${both('Mã lỗi', 'error')}</dt>
<dd><code>${escapeHtml(details.error)}</code></dd>
${details.description ? `<dt>${both('Chi tiết', 'details')}</dt>\n<dd>${escapeHtml(details.description)}</dd>` : ''}
</dl>`,
  );
}
