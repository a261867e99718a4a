import { InitialSchema1795564056524 } from './1795564056524-InitialSchema.js';
import { ProjectsAndPartnerships1795564806584 } from './1795564806584-ProjectsAndPartnerships.js';
import { FundsAndApplications1795565233809 } from './1795565233809-FundsAndApplications.js';
import { CapacityBuilding1795577990668 } from './1795577990668-CapacityBuilding.js';
import { Consultations1795578021109 } from './1795578021109-Consultations.js';
import { Notifications1795578249234 } from './1795578249234-Notifications.js';
import { ProjectMatchingIndex1795590000000 } from './1795590000000-ProjectMatchingIndex.js';
import { OrganizationMatchingProfile1795600000000 } from './1795600000000-OrganizationMatchingProfile.js';
import { OrganizationVerifiedKind1795620000001 } from './1795620000001-OrganizationVerifiedKind.js';
import { MemberInvitations1795620000002 } from './1795620000002-MemberInvitations.js';
import { UserEmailVisibility1795620000003 } from './1795620000003-UserEmailVisibility.js';
import { RegistrationRequests1795640000021 } from './1795640000021-RegistrationRequests.js';
import { FundApplicationReminders1795929073050 } from './1795929073050-FundApplicationReminders.js';
import { HistoryForeignKeysRestrict1795710000043 } from './1795710000043-HistoryForeignKeysRestrict.js';
import { NotificationOrganization1796020000001 } from './1796020000001-NotificationOrganization.js';
import { ConsultationOutcomeAndReminders1796020000002 } from './1796020000002-ConsultationOutcomeAndReminders.js';
import { ApplicationAwardedAmount1796010000001 } from './1796010000001-ApplicationAwardedAmount.js';
import { EmailHtmlBody1796040000001 } from './1796040000001-EmailHtmlBody.js';
import { UserLanguageAndDeletion1796040000002 } from './1796040000002-UserLanguageAndDeletion.js';
import { SessionDevices1796040000003 } from './1796040000003-SessionDevices.js';
import { PasswordResets1796040000004 } from './1796040000004-PasswordResets.js';
import { EmailChangeRequests1796040000005 } from './1796040000005-EmailChangeRequests.js';
import { Files1796050000001 } from './1796050000001-Files.js';
import { ExportsCalendarFeedsAndIatiRefs1796060000001 } from './1796060000001-ExportsCalendarFeedsAndIatiRefs.js';
import { IndicatorChanges1796030000001 } from './1796030000001-IndicatorChanges.js';
import { ExchangeRates1796081000001 } from './1796081000001-ExchangeRates.js';
import { InvitationReason1796091000001 } from './1796091000001-InvitationReason.js';
import { TrainingAudience1796082000001 } from './1796082000001-TrainingAudience.js';
import { FundRulesAndPriorities1796080000001 } from './1796080000001-FundRulesAndPriorities.js';
import { ListOrderIndexes1796100000001 } from './1796100000001-ListOrderIndexes.js';
import { FundShortlist1796120000001 } from './1796120000001-FundShortlist.js';
import { NotificationTexts1796220000001 } from './1796220000001-NotificationTexts.js';
import { RowCounts1796300000001 } from './1796300000001-RowCounts.js';

/** Every migration, in order. Add new ones at the end (npm run cli -- migration:generate <Name>). */
export const MIGRATIONS: Array<new () => unknown> = [
  InitialSchema1795564056524,
  ProjectsAndPartnerships1795564806584,
  FundsAndApplications1795565233809,
  CapacityBuilding1795577990668,
  Consultations1795578021109,
  Notifications1795578249234,
  ProjectMatchingIndex1795590000000,
  OrganizationMatchingProfile1795600000000,
  OrganizationVerifiedKind1795620000001,
  MemberInvitations1795620000002,
  UserEmailVisibility1795620000003,
  RegistrationRequests1795640000021,
  FundApplicationReminders1795929073050,
  HistoryForeignKeysRestrict1795710000043,
  NotificationOrganization1796020000001,
  ConsultationOutcomeAndReminders1796020000002,
  ApplicationAwardedAmount1796010000001,
  EmailHtmlBody1796040000001,
  UserLanguageAndDeletion1796040000002,
  SessionDevices1796040000003,
  PasswordResets1796040000004,
  EmailChangeRequests1796040000005,
  Files1796050000001,
  ExportsCalendarFeedsAndIatiRefs1796060000001,
  IndicatorChanges1796030000001,
  InvitationReason1796091000001,
  TrainingAudience1796082000001,
  ExchangeRates1796081000001,
  FundRulesAndPriorities1796080000001,
  FundShortlist1796120000001,
  ListOrderIndexes1796100000001,
  NotificationTexts1796220000001,
  RowCounts1796300000001,
];
