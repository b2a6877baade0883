import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { Accounts1764200000000 } from './1764200000000-accounts';
import { Attachments1764250000000 } from './1764250000000-attachments';
import { EidIdentity1764300000000 } from './1764300000000-eid-identity';
import { Notifications1764100000000 } from './1764100000000-notifications';
import { Applications1764400000000 } from './1764400000000-applications';
import { Workflow1764500000000 } from './1764500000000-workflow';
import { Timers1764600000000 } from './1764600000000-timers';
import { Holidays1764700000000 } from './1764700000000-holidays';
import { DossierSubject1764800000000 } from './1764800000000-dossier-subject';
import { ProcedureAdministration1764900000000 } from './1764900000000-procedure-administration';
import { FeeItems1765000000000 } from './1765000000000-fee-items';
import { Payments1765100000000 } from './1765100000000-payments';
import { Results1765200000000 } from './1765200000000-results';
import { Receipts1765300000000 } from './1765300000000-receipts';
import { PaperDeliveries1765400000000 } from './1765400000000-paper-deliveries';
import { ReportAggregates1765500000000 } from './1765500000000-report-aggregates';
import { DossierEventPartitions1765510000000 } from './1765510000000-dossier-event-partitions';
import { ReportTotals1765520000000 } from './1765520000000-report-totals';
import { ReportStatementTriggers1765530000000 } from './1765530000000-report-statement-triggers';
import { ServiceIndexMeasures1765620000000 } from './1765620000000-service-index-measures';
import { AuditSearch1765700000000 } from './1765700000000-audit-search';
import { ReportProvinceRollup1765800000000 } from './1765800000000-report-province-rollup';
import { DossierExports1765900000000 } from './1765900000000-dossier-exports';
import { InboxCoveringIndex1765910000000 } from './1765910000000-inbox-covering-index';
import { InboxSearch1765920000000 } from './1765920000000-inbox-search';
import { ReportAllChannels1765930000000 } from './1765930000000-report-all-channels';
import { ReportOpenAtMonthStart1765940000000 } from './1765940000000-report-open-at-month-start';

/** Every migration, oldest first. A new migration file is added here too. */
export const migrations = [
  InitialSchema1764000000000,
  Notifications1764100000000,
  Accounts1764200000000,
  Attachments1764250000000,
  EidIdentity1764300000000,
  Applications1764400000000,
  Workflow1764500000000,
  Timers1764600000000,
  Holidays1764700000000,
  DossierSubject1764800000000,
  ProcedureAdministration1764900000000,
  FeeItems1765000000000,
  Payments1765100000000,
  Results1765200000000,
  Receipts1765300000000,
  PaperDeliveries1765400000000,
  ReportAggregates1765500000000,
  DossierEventPartitions1765510000000,
  ReportTotals1765520000000,
  ReportStatementTriggers1765530000000,
  ServiceIndexMeasures1765620000000,
  AuditSearch1765700000000,
  ReportProvinceRollup1765800000000,
  DossierExports1765900000000,
  InboxCoveringIndex1765910000000,
  InboxSearch1765920000000,
  ReportAllChannels1765930000000,
  ReportOpenAtMonthStart1765940000000,
];
