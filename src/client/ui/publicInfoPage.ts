/**
 * Whether this page is the public resident information (/info, /info/<lang>): no sign-in, no account
 * data, and so no local database opened for it.
 */
export const isPublicInfoPage = (pathname: string): boolean => /^\/info(\/|$)/.test(pathname);
