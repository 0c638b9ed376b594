/**
 * Free-mail (consumer mailbox) domains: an address there says nothing about the employer, so
 * it never matches an account.
 *
 * Curated by hand from the providers' own sign-up pages and the well-known consumer ISPs. The
 * maintained `email-providers` package adds thousands more for email addresses; this list is
 * also the one that blocks a domain as a company website, since every domain here is only a
 * mailbox service. Config can add and remove entries.
 */

/** Exact free-mail domains (registrable domains, lower case). */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  // Google, Microsoft, Apple, Yahoo, AOL
  'gmail.com', 'googlemail.com', 'outlook.com', 'msn.com', 'passport.com', 'windowslive.com',
  'icloud.com', 'me.com', 'mac.com', 'ymail.com', 'rocketmail.com', 'aol.com', 'aim.com', 'verizon.net',
  // Privacy-first and independent providers
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tutanota.de', 'tuta.io',
  'tuta.com', 'fastmail.com', 'fastmail.fm', 'hushmail.com', 'hey.com', 'mailbox.org', 'posteo.de',
  'posteo.net', 'zohomail.com', 'mail.com', 'email.com', 'usa.com', 'inbox.com', 'lycos.com',
  'excite.com', 'juno.com', 'netzero.net', 'gmx.com', 'gmx.net',
  // North American ISPs
  'comcast.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'charter.net', 'earthlink.net',
  'optonline.net', 'shaw.ca', 'rogers.com', 'sympatico.ca', 'videotron.ca', 'telus.net',
  // Europe
  'web.de', 't-online.de', 'freenet.de', 'arcor.de', 'online.de', 'orange.fr', 'wanadoo.fr', 'free.fr',
  'laposte.net', 'sfr.fr', 'neuf.fr', 'libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'tin.it',
  'btinternet.com', 'sky.com', 'virginmedia.com', 'ntlworld.com', 'talktalk.net', 'blueyonder.co.uk',
  'tiscali.co.uk', 'skynet.be', 'telenet.be', 'hetnet.nl', 'home.nl', 'ziggo.nl', 'kpnmail.nl',
  'planet.nl', 'bluewin.ch', 'hispeed.ch', 'online.no', 'seznam.cz', 'centrum.cz', 'atlas.cz', 'post.cz',
  'email.cz', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'op.pl', 'zoznam.sk', 'azet.sk', 'abv.bg',
  'inbox.lv', 'mail.ee', 'freemail.hu', 'citromail.hu', 'sapo.pt', 'telefonica.net', 'terra.es',
  // Russia and neighbours
  'mail.ru', 'bk.ru', 'list.ru', 'inbox.ru', 'internet.ru', 'rambler.ru', 'ya.ru', 'ukr.net', 'i.ua',
  'meta.ua', 'tut.by',
  // Asia-Pacific
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com',
  '139.com', '189.cn', 'naver.com', 'daum.net', 'hanmail.net', 'nate.com',
  'docomo.ne.jp', 'ezweb.ne.jp', 'softbank.ne.jp', 'i.softbank.jp', 'au.com', 'rediffmail.com',
  'bigpond.com', 'bigpond.net.au', 'optusnet.com.au', 'iinet.net.au', 'xtra.co.nz',
  // Latin America, Middle East, Africa
  'uol.com.br', 'bol.com.br', 'terra.com.br', 'ig.com.br', 'walla.co.il',
]

/**
 * Providers that run the same free mailbox under many country suffixes (`hotmail.co.uk`,
 * `yahoo.fr`, `gmx.de`): any registrable domain whose label before the public suffix is one
 * of these is free-mail.
 */
export const FREE_MAIL_BRANDS: readonly string[] = ['hotmail', 'outlook', 'live', 'yahoo', 'gmx', 'yandex', 'aol']

/**
 * Domains the maintained list names that are today a company's own staff mail: an address
 * there does name the employer (alibaba.com, facebook.com, bt.com; BT's consumer mail is
 * btinternet.com). They are taken out of the package's list; config can add them back.
 */
export const COMPANY_MAIL_DOMAINS: readonly string[] = ['alibaba.com', 'facebook.com', 'bt.com']
