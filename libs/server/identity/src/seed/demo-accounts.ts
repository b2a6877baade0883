import type { Role } from '../users/roles';

export interface AccountSeed {
  email: string;
  phone: string;
  fullName: string;
  roles: Role[];
  unitCode: string | null;
}

/** Demo password of every demo account; printed by `npm start`. Demo data only. */
export const demoPassword = 'Demo@2025';

export const demoAccounts: AccountSeed[] = [
  {
    email: 'citizen@demo.dichvucong.vn',
    phone: '0912000001',
    fullName: 'Nguyễn Văn An',
    roles: ['citizen'],
    unitCode: null,
  },
  {
    email: 'clerk.badinh@demo.dichvucong.vn',
    phone: '0912000002',
    fullName: 'Trần Thị Bình',
    roles: ['clerk'],
    unitCode: '00004',
  },
  {
    email: 'leader.badinh@demo.dichvucong.vn',
    phone: '0912000003',
    fullName: 'Lê Văn Cường',
    roles: ['leader'],
    unitCode: '00004',
  },
  {
    email: 'auditor@demo.dichvucong.vn',
    phone: '0912000004',
    fullName: 'Phạm Thị Dung',
    roles: ['auditor'],
    unitCode: null,
  },
  {
    email: 'admin@demo.dichvucong.vn',
    phone: '0912000005',
    fullName: 'Hoàng Văn Em',
    roles: ['admin'],
    unitCode: null,
  },
];
