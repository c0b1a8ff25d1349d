/** Code lists the server accepts; labels come from the locale files, or the names the list carries. */
export interface Prefecture {
  code: string;
  nameJa: string;
  nameEn: string;
}

/** A line of the federation's list: the seed's eight, then those the federation added, in that order. */
export interface ReferenceBusinessLine {
  code: string;
  nameJa: string;
  nameEn: string;
  /** The seed's eight, which the locale files translate; an added line has only the names it was given. */
  builtIn: boolean;
}

export interface Reference {
  legalForms: string[];
  lawProfiles: string[];
  businessLines: ReferenceBusinessLine[];
  organizationStatuses: string[];
  roles: string[];
  prefectures: Prefecture[];
}
