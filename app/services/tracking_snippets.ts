import type TrackingPixel from '#models/tracking_pixel'

/**
 * What a public page adds to the rendered step: its tracking config, the tracking script and the
 * browser pixels. The script gives each page view a UUID and hands the same id to every pixel
 * (Meta `eventID`, TikTok `event_id`, GA4 `event_id`) so the server-side conversions can be
 * de-duplicated against them.
 *
 * Beacons are batched (issue 19): the page's events — its view, a heartbeat every 15 s while the
 * tab is visible, the `leave` on pagehide — are queued and sent together as one small JSON
 * array with `navigator.sendBeacon` (a keepalive `fetch` when the browser refuses it): the view
 * 2 s after it happened (with whatever followed it), then the queue every 30 s, and at once when
 * the page is hidden or left. At most 20 events per request (the server's cap); each keeps its
 * own id, so a beacon the browser sends twice is stored once. Heartbeats only prove presence,
 * and 30 s between sends stays well inside the 60 s after which a visitor counts as offline.
 *
 * Attribution: the visitor cookie (`fd_sid`) is made here when the browser has none, before the
 * first beacon, so the beacon and a checkout posted right after it name the same visitor; the
 * first page of that session (URL with its UTMs and click ids, referrer) is remembered in
 * localStorage as `fd.touch()` and sent with the checkout, so the payment keeps its own copy
 * even when the beacon flush has not written the visitor yet.
 *
 * Purchase: `fd.purchase(token, data)` fires the browser Purchase of a paid payment on every
 * pixel once, with the payment's public token as event id (the server's too); the pixels that
 * fired are remembered per token, so the PIX page and the thank-you page never both fire one.
 *
 * A capture form's Lead (LEAD_SCRIPT) and the thank-you page's Purchase check
 * (PURCHASE_CHECK_SCRIPT) ship only on the steps that use them: what any page runs stays under
 * 1 KB gzipped (tests/unit/tracking_script.spec.ts).
 */
export const TRACKING_SCRIPT = `((w,d,n)=>{var c=JSON.parse(d.getElementById("fd-config").textContent),h=[],P={},L=w.localStorage,Q=[],D=0,F=2e3,l=location,u=()=>crypto.randomUUID?crypto.randomUUID():URL.createObjectURL(new Blob).slice(-36),g=k=>{try{return JSON.parse(L.getItem(k))}catch(_){}},z=(k,v)=>{try{L.setItem(k,JSON.stringify(v))}catch(_){}},m=/(?:^|; )fd_sid=([\\w-]{16,64})/.exec(d.cookie),S=m&&m[1],T=g("fd_touch"),s=()=>{clearTimeout(D);D=0;F=3e4;while(Q.length){var p=JSON.stringify(Q.splice(0,20));n.sendBeacon(c.u,p)||fetch(c.u,{method:"POST",body:p,keepalive:!0})}},b=(t,i,x)=>{var e={id:i||u(),type:t,funnelId:c.f,stepId:c.s,variantId:c.v,url:l.href,referrer:d.referrer};if(x)e.data=x;Q.push(e);D=D||setTimeout(s,F)};if(!S){S=u().replace(/-/g,"");d.cookie="fd_sid="+S+";path=/;max-age=31536000;samesite=lax"}if(!T||T.s!==S)z("fd_touch",T={s:S,u:l.href,r:d.referrer});var fd=w.fd={eventId:u(),uuid:u,touch:()=>({landingUrl:T.u,referrer:T.r}),on:(f,k)=>{h.push([f,k]);c.e.map(e=>f(e,fd.eventId,c.x))},emit:(n,i,x)=>h.map(f=>f[0](n,i,x)),purchase:(t,x)=>{var K="fd_purchase_"+t,s=g(K)||[];h.map(([f,k])=>{if(s.indexOf(k)<0&&!P[t+k]){P[t+k]=s.push(k);f("Purchase",t,x)}});z(K,s)}};if(c.t){b(c.t,fd.eventId);setInterval(()=>d.hidden||b("heartbeat"),15e3);w.addEventListener("pagehide",()=>{b("leave");s()});d.addEventListener("visibilitychange",()=>d.hidden&&s())}})(window,document,navigator);`

/** Capture steps only: the form's `Lead` gets a fresh id, written into the form for the server. */
export const LEAD_SCRIPT = `document.addEventListener("submit",v=>{var f=v.target,i=f.querySelector("input[name=fd_event_id]");if(!i){i=document.createElement("input");i.type="hidden";i.name="fd_event_id";f.appendChild(i)}fd.emit("Lead",i.value=fd.uuid())},!0)`

/** Thank-you steps only: the `?p=` payment's Purchase, once the server says it is paid. */
export const PURCHASE_CHECK_SCRIPT = `(q=>q&&fetch("/_funil/pay/"+q[1]+"/status",{headers:{Accept:"application/json"}}).then(r=>r.json()).then(r=>r.status=="paid"&&fd.purchase(q[1],{value:r.value,currency:r.currency})).catch(()=>0))(/[?&]p=([0-9a-f]{32})/.exec(location.search))`

/** JSON inside a <script>: `<` escaped so no string can close the tag. */
function scriptJson(value: unknown) {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, '')
}

const GA4_EVENTS: Record<string, string> = {
  PageView: 'page_view',
  Lead: 'generate_lead',
  InitiateCheckout: 'begin_checkout',
  Purchase: 'purchase',
}
const TIKTOK_EVENTS: Record<string, string> = {
  Lead: 'SubmitForm',
  InitiateCheckout: 'InitiateCheckout',
  Purchase: 'CompletePayment',
}

/** The browser snippet of one pixel; each listens to `fd.on` for the page's events and ids. */
function pixelSnippet(pixel: TrackingPixel) {
  const id = scriptJson(pixel.pixelId)
  const override = scriptJson(pixel.eventName ?? null)
  /** The override renames the page's conversion event (never PageView nor the Purchase). */
  const name = `(n!=="PageView"&&n!=="Purchase"&&${override}?${override}:n)`
  /** Which pixel fired a payment's Purchase already (remembered per token by the script). */
  const key = scriptJson(`${pixel.pixelType}:${pixel.pixelId}`)
  switch (pixel.pixelType) {
    case 'facebook':
      return `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version="2.0";n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,"script","https://connect.facebook.net/en_US/fbevents.js");fbq("init",${id});fd.on(function(n,i,x){fbq("track",${name},x||{},{eventID:i})},${key});</script>`
    case 'google':
      return `<script async src="https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(pixel.pixelId)}"></script><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag("js",new Date());gtag("config",${id},{send_page_view:false});fd.on(function(n,i,x){gtag("event",${scriptJson(GA4_EVENTS)}[${name}]||${name},Object.assign({send_to:${id},event_id:i},n==="Purchase"?{transaction_id:i}:{},x))},${key});</script>`
    case 'tiktok':
      return `<script>!function(w,d,t){w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=["page","track","identify","instances","debug","on","off","once","ready","alias","group","enableCookie","disableCookie"];ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);ttq.load=function(e){var s=d.createElement("script");s.async=!0;s.src="https://analytics.tiktok.com/i18n/pixel/events.js?sdkid="+encodeURIComponent(e)+"&lib="+t;var f=d.getElementsByTagName("script")[0];f.parentNode.insertBefore(s,f)}}(window,document,"ttq");ttq.load(${id});fd.on(function(n,i,x){n==="PageView"?ttq.page():ttq.track(${scriptJson(TIKTOK_EVENTS)}[${name}]||${name},x||{},{event_id:i})},${key});</script>`
    case 'custom':
      /** Sanitised when saved (credentials/pixels validators): only https scripts, no inline JS. */
      return String((pixel.settings as Record<string, unknown>)?.snippet ?? '')
    default:
      return ''
  }
}

/** The page's conversion events, in the pixels' vocabulary, besides PageView. */
export function pageEvents(stepType: string) {
  return stepType === 'checkout' ? ['PageView', 'InitiateCheckout'] : ['PageView']
}

/**
 * Inserts the tracking config, the script and the pixels before `</head>`. The result depends
 * on the step and its pixels only, never on the visitor: it is cached per version.
 */
export function injectTracking(
  html: string,
  options: {
    funnelId: number
    stepId: number
    stepType: string
    pixels: TrackingPixel[]
    /** The A/B variant this page shows: its beacons carry its id, its pixel events its name. */
    variant?: { id: number; name: string }
  }
) {
  const config = {
    f: options.funnelId,
    s: options.stepId,
    ...(options.variant ? { v: options.variant.id, x: { fd_variant: options.variant.name } } : {}),
    t: options.stepType === 'checkout' ? 'checkout_view' : 'page_view',
    e: pageEvents(options.stepType),
    u: '/_funil/e',
    /** Capture steps report their form as a Lead, with an id the server stores too. */
    l: options.stepType === 'capture',
    /** The thank-you page fires the Purchase of its `?p=` payment if the PIX page did not. */
    p: options.stepType === 'thankyou',
  }
  const head =
    `<script id="fd-config" type="application/json">${scriptJson(config)}</script>` +
    `<script>${TRACKING_SCRIPT}</script>` +
    (config.l ? `<script>${LEAD_SCRIPT}</script>` : '') +
    (config.p ? `<script>${PURCHASE_CHECK_SCRIPT}</script>` : '') +
    options.pixels.map(pixelSnippet).join('')
  return html.includes('</head>') ? html.replace('</head>', `${head}</head>`) : head + html
}

/**
 * The PIX page's pixels: the same script and snippets without beacon nor page events (the PIX
 * page is not a funnel step), so its only event is the Purchase it fires once paid. Custom
 * snippets are left out: they cannot hear that event, and would count the page as a view.
 */
export function paymentPagePixels(pixels: TrackingPixel[]) {
  const shown = pixels.filter((pixel) => pixel.pixelType !== 'custom')
  if (!shown.length) return ''
  const config = { f: null, s: null, t: null, e: [], u: '/_funil/e', l: false, p: false }
  return (
    `<script id="fd-config" type="application/json">${scriptJson(config)}</script>` +
    `<script>${TRACKING_SCRIPT}</script>` +
    shown.map(pixelSnippet).join('')
  )
}
