/** Code lists the server accepts; labels come from the locale files. */
export interface Prefecture {
  code: string;
  nameJa: string;
  nameEn: string;
}

export interface Reference {
  legalForms: string[];
  lawProfiles: string[];
  businessLines: string[];
  organizationStatuses: string[];
  roles: string[];
  prefectures: Prefecture[];
}
