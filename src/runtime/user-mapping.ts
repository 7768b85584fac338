/**
 * alias(): Amplitude maps users only through its server API, whose keys must not reach the browser, so
 * the mapping goes to the site's own endpoint (load option `aliasUrl`; the server module answers it).
 */
export interface UserMappingDeps {
  aliasUrl(): unknown;
  post(url: string, body: unknown): Promise<boolean>;
  warn(message: string, dropped: boolean): void;
}

export function mapUser(mapping: { userId: string; previousId: string }, deps: UserMappingDeps): void {
  if (mapping.userId === mapping.previousId) return;
  const aliasUrl = deps.aliasUrl();
  if (typeof aliasUrl !== 'string' || !aliasUrl) {
    deps.warn(
      'Amplitude maps users only through its server API; set the load option aliasUrl to your server endpoint ' +
        '(nothing was sent to Amplitude)',
      false,
    );
    return;
  }
  void deps.post(aliasUrl, mapping).then((ok) => {
    if (!ok) deps.warn(`the alias endpoint ${aliasUrl} did not accept the mapping`, true);
  });
}
