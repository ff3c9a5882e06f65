import type TrackingPixel from '#models/tracking_pixel'

/**
 * What a public page adds to the rendered step: its tracking config, the tracking script and the
 * browser pixels. The script (well under 2 KB) gives each page view a UUID, posts it with
 * `navigator.sendBeacon` to the same host, sends heartbeats while the tab is visible and a
 * `leave` on pagehide, and hands the same id to every pixel (Meta `eventID`, TikTok `event_id`,
 * GA4 `event_id`) so the server-side conversions can be de-duplicated against them. A capture
 * form gets a fresh id for its `Lead`, written into the form so the server stores the same one.
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
 * Config `p` (thank-you page) fires it for the page's `?p=<token>` once the server says paid.
 */
export const TRACKING_SCRIPT = `(function(w,d){var c=JSON.parse(d.getElementById("fd-config").textContent),h=[],P={},L=w.localStorage;function u(){if(w.crypto&&crypto.randomUUID)return crypto.randomUUID();return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,function(x){var r=Math.random()*16|0;return(x=="x"?r:r&3|8).toString(16)})}function g(k){try{return JSON.parse(L.getItem(k))}catch(_){}}function z(k,v){try{L.setItem(k,JSON.stringify(v))}catch(_){}}var m=/(?:^|; )fd_sid=([\\w-]{16,64})/.exec(d.cookie),S=m&&m[1];if(!S){S=u().replace(/-/g,"");d.cookie="fd_sid="+S+";path=/;max-age=31536000;samesite=lax"}var T=g("fd_touch");if(!T||T.s!==S){T={s:S,u:location.href,r:d.referrer};z("fd_touch",T)}function b(t,i,x){var e={id:i||u(),type:t,funnelId:c.f,stepId:c.s,variantId:c.v,url:location.href,referrer:d.referrer};if(x)e.data=x;var p=JSON.stringify({events:[e]});try{navigator.sendBeacon(c.u,p)}catch(_){fetch(c.u,{method:"POST",body:p,keepalive:true})}return e.id}var fd=w.fd={eventId:u(),touch:function(){return{landingUrl:T.u,referrer:T.r}},on:function(f,k){h.push([f,k]);for(var j=0;j<c.e.length;j++)f(c.e[j],fd.eventId,c.x)},emit:function(n,i,x){for(var j=0;j<h.length;j++)h[j][0](n,i,x)},purchase:function(t,x){var K="fd_purchase_"+t,s=g(K)||[];for(var j=0;j<h.length;j++){var k=h[j][1];if(s.indexOf(k)<0&&!P[t+k]){P[t+k]=s.push(k);h[j][0]("Purchase",t,x)}}z(K,s)}};if(c.t){b(c.t,fd.eventId);setInterval(function(){d.hidden||b("heartbeat")},15e3);w.addEventListener("pagehide",function(){b("leave")})}c.l&&d.addEventListener("submit",function(v){var f=v.target,i=f.querySelector("input[name=fd_event_id]");if(!i){i=d.createElement("input");i.type="hidden";i.name="fd_event_id";f.appendChild(i)}i.value=u();fd.emit("Lead",i.value)},true);var q=c.p&&/[?&]p=([0-9a-f]{32})/.exec(location.search);q&&fetch("/_funil/pay/"+q[1]+"/status",{headers:{Accept:"application/json"}}).then(function(r){return r.json()}).then(function(r){r.status==="paid"&&fd.purchase(q[1],{value:r.value,currency:r.currency})}).catch(function(){})})(window,document);`

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
