import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from '../components/AppLayout';
import { BeingBuilt } from '../components/BeingBuilt';
import { PageFocus } from '../components/PageFocus';
import { RequireSession } from '../features/session/RequireSession';
import { AccountPage } from './AccountPage';
import { AssembliesPage } from './AssembliesPage';
import { BusinessesPage } from './BusinessesPage';
import { CampaignPage } from './CampaignPage';
import { CampaignsPage } from './CampaignsPage';
import { CapitalPage } from './CapitalPage';
import { CaseAssignmentsPage } from './CaseAssignmentsPage';
import { CaseworkPage, SiteReadsPage } from './CaseworkPage';
import { ChangeRequestsPage } from './ChangeRequestsPage';
import { CodeSignInPage } from './CodeSignInPage';
import { CompliancePage } from './CompliancePage';
import { ClosingPage } from './ClosingPage';
import { DividendStatementPage } from './DividendStatementPage';
import { FederationPage } from './FederationPage';
import { IntakePage } from './IntakePage';
import { InvitationsPage } from './InvitationsPage';
import { MeetingPage } from './MeetingPage';
import { MemberPage } from './MemberPage';
import { MemberImportPage } from './MemberImportPage';
import { MemberKindsPage } from './MemberKindsPage';
import { MembersPage } from './MembersPage';
import { NewOrganizationPage } from './NewOrganizationPage';
import { NotFoundPage } from './NotFoundPage';
import { OrganizationPage } from './OrganizationPage';
import { OrganizationReportPage } from './OrganizationReportPage';
import { ParticipantPage } from './ParticipantPage';
import { PortalPage, PortalSettingsPage } from './PortalPage';
import { ContractPage } from './ContractPage';
import { ContractReportPage } from './ContractReportPage';
import { ProgrammesOverviewPage } from './ProgrammesOverviewPage';
import { ProgrammesPage } from './ProgrammesPage';
import { ProjectorPage } from './ProjectorPage';
import { NonMemberWorkerPage, RegisterMemberPage } from './RegisterMemberPage';
import { ReportsPage } from './ReportsPage';
import { SdgPage } from './SdgPage';
import { SetPasswordPage } from './SetPasswordPage';
import { PENDING_SECTIONS } from './sections';
import { SignInPage } from './SignInPage';
import { SiteReportPage } from './SiteReportPage';
import { SurplusPage } from './SurplusPage';
import { TargetPage } from './TargetPage';
import { UsersPage } from './UsersPage';
import { VotingPage } from './VotingPage';
import { WorkImportPage } from './WorkImportPage';
import { WorkPage } from './WorkPage';
import { WorkersPage } from './WorkersPage';

export const router = createBrowserRouter([
  {
    // Around every page: moves focus to the new page after a change of page.
    element: <PageFocus />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      // The address on a sign-in letter (and its QR code): a member's one-time code, then a password.
      { path: '/sign-in/code', element: <CodeSignInPage /> },
      {
        path: '/set-password',
        element: (
          <RequireSession>
            <SetPasswordPage />
          </RequireSession>
        ),
      },
      // The projector fills the screen: no header or navigation.
      {
        path: '/meetings/:meetingId/projector',
        element: (
          <RequireSession>
            <ProjectorPage />
          </RequireSession>
        ),
      },
      {
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: [
          { index: true, element: <FederationPage /> },
          { path: 'organizations/new', element: <NewOrganizationPage /> },
          { path: 'organizations/:id', element: <OrganizationPage /> },
          { path: 'members', element: <MembersPage /> },
          { path: 'members/new', element: <RegisterMemberPage /> },
          { path: 'members/workers', element: <WorkersPage /> },
          { path: 'members/workers/new', element: <NonMemberWorkerPage /> },
          { path: 'members/kinds', element: <MemberKindsPage /> },
          { path: 'members/import', element: <MemberImportPage /> },
          { path: 'members/:membershipId', element: <MemberPage /> },
          { path: 'invitations', element: <InvitationsPage /> },
          { path: 'change-requests', element: <ChangeRequestsPage /> },
          { path: 'my', element: <PortalPage /> },
          { path: 'my/settings', element: <PortalSettingsPage /> },
          { path: 'capital', element: <CapitalPage /> },
          { path: 'assemblies', element: <AssembliesPage /> },
          { path: 'meetings/:meetingId', element: <MeetingPage /> },
          { path: 'voting', element: <VotingPage /> },
          { path: 'compliance', element: <CompliancePage /> },
          { path: 'surplus', element: <SurplusPage /> },
          { path: 'surplus/:closingId', element: <ClosingPage /> },
          { path: 'surplus/:closingId/members/:membershipId', element: <DividendStatementPage /> },
          { path: 'work', element: <WorkPage /> },
          { path: 'businesses', element: <BusinessesPage /> },
          { path: 'work/import', element: <WorkImportPage /> },
          { path: 'programmes', element: <ProgrammesPage /> },
          { path: 'programmes/overview', element: <ProgrammesOverviewPage /> },
          { path: 'programmes/contracts/:contractId', element: <ContractPage /> },
          { path: 'programmes/contracts/:contractId/report', element: <ContractReportPage /> },
          { path: 'casework', element: <CaseworkPage /> },
          { path: 'casework/sites/:siteId/intake', element: <IntakePage /> },
          { path: 'casework/sites/:siteId/reads', element: <SiteReadsPage /> },
          { path: 'participants/:id', element: <ParticipantPage /> },
          { path: 'organizations/:id/case-assignments', element: <CaseAssignmentsPage /> },
          { path: 'campaigns', element: <CampaignsPage /> },
          { path: 'campaigns/:campaignId', element: <CampaignPage /> },
          { path: 'campaigns/:campaignId/targets/:targetId', element: <TargetPage /> },
          { path: 'targets/:targetId', element: <TargetPage /> },
          // The section's address while it was being built.
          { path: 'advocacy', element: <Navigate to="/campaigns" replace /> },
          { path: 'reports', element: <ReportsPage /> },
          { path: 'reports/organizations/:id', element: <OrganizationReportPage /> },
          { path: 'reports/sites/:siteId', element: <SiteReportPage /> },
          { path: 'reports/sdg', element: <SdgPage /> },
          ...PENDING_SECTIONS.map((section) => ({ path: section, element: <BeingBuilt key={section} section={section} /> })),
          { path: 'users', element: <UsersPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
