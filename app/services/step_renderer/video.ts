import { safeMediaUrl } from '#services/step_renderer/sanitize'

/** How a VSL's video is shown: the provider's embed player, or a `<video>` for a file. */
export type VideoEmbed =
  { kind: 'youtube' | 'vimeo'; src: string } | { kind: 'file'; src: string; mimeType: 'video/mp4' }

const YOUTUBE_ID = /^[\w-]{11}$/
const YOUTUBE_HOSTS = ['youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'music.youtube.com']

function youtubeId(url: URL): string | null {
  const host = url.hostname.replace(/^www\./, '')
  const segments = url.pathname.split('/').filter(Boolean)
  let id: string | null | undefined = null
  if (host === 'youtu.be') id = segments[0]
  else if (YOUTUBE_HOSTS.includes(host)) {
    if (segments[0] === 'watch') id = url.searchParams.get('v')
    else if (['embed', 'shorts', 'live', 'v'].includes(segments[0])) id = segments[1]
  }
  return id && YOUTUBE_ID.test(id) ? id : null
}

function vimeo(url: URL): { id: string; hash: string | null } | null {
  const host = url.hostname.replace(/^www\./, '')
  if (host !== 'vimeo.com' && host !== 'player.vimeo.com') return null
  const segments = url.pathname.split('/').filter(Boolean)
  const index = segments.findIndex((segment) => /^\d+$/.test(segment))
  if (index < 0) return null
  const next = segments[index + 1]
  const hash = url.searchParams.get('h') ?? (next && /^[\da-f]+$/i.test(next) ? next : null)
  return { id: segments[index], hash }
}

/**
 * YouTube (watch, youtu.be, shorts, live, embed) and Vimeo links become their embed players;
 * an https `.mp4` plays in a `<video>`. Anything else is null (the page says the video is missing).
 */
export function videoEmbed(value: unknown): VideoEmbed | null {
  const href =
    safeMediaUrl(value) ??
    safeMediaUrl(typeof value === 'string' ? value.replace(/^http:/, 'https:') : null)
  if (!href) return null
  const url = new URL(href)

  const youtube = youtubeId(url)
  if (youtube) {
    return { kind: 'youtube', src: `https://www.youtube.com/embed/${youtube}?rel=0&playsinline=1` }
  }
  const video = vimeo(url)
  if (video) {
    const query = video.hash ? `?h=${encodeURIComponent(video.hash)}&dnt=1` : '?dnt=1'
    return { kind: 'vimeo', src: `https://player.vimeo.com/video/${video.id}${query}` }
  }
  if (/\.mp4$/i.test(url.pathname)) return { kind: 'file', src: url.href, mimeType: 'video/mp4' }
  return null
}
