/**
 * Hosts where companies keep a page rather than a site of their own
 * (`facebook.com/acmepizza`, `linkedin.com/company/acme`). A website with a path on one of
 * these names the host's owner, not the company, so it gives no domain. The bare host
 * (`https://www.facebook.com`) is still the owner's own site. Curated for this project.
 */
export const PAGE_HOSTS: readonly string[] = [
  'facebook.com', 'fb.com', 'instagram.com', 'linkedin.com', 'twitter.com', 'x.com', 'youtube.com',
  'tiktok.com', 'pinterest.com', 'yelp.com', 'google.com', 'goo.gl', 'bit.ly', 'linktr.ee', 'medium.com',
  'github.com', 'gitlab.com', 'wix.com', 'squarespace.com', 'wordpress.com', 'tumblr.com', 'crunchbase.com',
  'angel.co', 'wellfound.com', 'tripadvisor.com', 'vk.com', 'xing.com', 'wa.me', 't.me',
]
