// A member as the lists that name them show it (the capital register, a close's dividend lines): one definition for
// the server and the web app. Types only, so the web bundle can read it.

/** Who a line of a list is: the membership, its number and the name with its reading. */
export interface MemberLine {
  membershipId: string;
  memberNumber: string;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
}
