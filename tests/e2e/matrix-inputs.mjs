// The format matrix's inputs (issue 15): every one made with Debian's ffmpeg from lavfi
// sources the first time it is needed, cached in .media/ as matrix-*, never committed.
// `core: true` marks the representative part the test command runs (MATRIX=full runs all).
import { writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeMedia, media } from './harness.mjs';

const D = 2; // seconds: long enough for several GOPs, short enough for 90 conversions
const pic = (size = '320x240', rate = 25, d = D) => ['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${rate}:duration=${d}`];
const tone = (rate = 44100, layout = 'stereo', d = D) => ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${rate}:duration=${d},aformat=channel_layouts=${layout}`];
const x264 = (pixFmt = 'yuv420p') => ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', pixFmt];
const aac = ['-c:a', 'aac', '-b:a', '96k'];

function subtitles() {
  const path = join(media, 'matrix-subs.srt');
  if (!existsSync(path)) writeFileSync(path, '1\n00:00:00,000 --> 00:00:01,500\nHello\n\n2\n00:00:01,500 --> 00:00:02,000\nBye\n');
  return path;
}

/** Each case: a file name (its extension is the container) and the ffmpeg arguments. */
export const CASES = [
  // Containers, each with a codec pair typical of it.
  { file: 'avi-mpeg4-bframes-mp3.avi', core: true, args: [...pic(), ...tone(), '-c:v', 'mpeg4', '-bf', '2', '-q:v', '5', '-vtag', 'XVID', '-c:a', 'libmp3lame'] },
  { file: 'asf-wmv2-wmav2.wmv', core: true, args: [...pic(), ...tone(), '-c:v', 'wmv2', '-b:v', '600k', '-c:a', 'wmav2'] },
  { file: 'flv-flv1-mp3.flv', args: [...pic(), ...tone(), '-c:v', 'flv', '-c:a', 'libmp3lame'] },
  { file: 'mpegps-mpeg1-mp2.mpg', args: [...pic(), ...tone(), '-c:v', 'mpeg1video', '-b:v', '800k', '-c:a', 'mp2', '-f', 'mpeg'] },
  { file: 'mpegps-mpeg2-interlaced-mp2.mpg', core: true, args: [...pic('720x576'), ...tone(48000), '-c:v', 'mpeg2video', '-b:v', '3M', '-flags', '+ilme+ildct', '-top', '1', '-c:a', 'mp2', '-f', 'vob'] },
  { file: 'ts-mpeg2-progressive-ac3.ts', args: [...pic(), ...tone(48000), '-c:v', 'mpeg2video', '-b:v', '1M', '-c:a', 'ac3'] },
  { file: 'm2ts-h264-aac.m2ts', args: [...pic(), ...tone(48000), ...x264(), ...aac, '-f', 'mpegts', '-mpegts_m2ts_mode', '1'] },
  { file: 'mkv-h264-ac3-51.mkv', core: true, args: [...pic(), ...tone(48000, '5.1'), ...x264(), '-c:a', 'ac3', '-b:a', '384k'] },
  { file: 'mov-prores-pcm24.mov', args: [...pic(), ...tone(48000), '-c:v', 'prores_ks', '-profile:v', '0', '-c:a', 'pcm_s24le'] },
  { file: '3gp-h263-aac.3gp', args: [...pic('176x144'), ...tone(22050, 'mono'), '-c:v', 'h263', '-c:a', 'aac', '-b:a', '32k'] },
  { file: 'ogv-theora-vorbis.ogv', args: [...pic(), ...tone(), '-c:v', 'libtheora', '-q:v', '6', '-c:a', 'libvorbis'] },
  { file: 'webm-vp8-vorbis.webm', args: [...pic(), ...tone(), '-c:v', 'libvpx', '-b:v', '500k', '-deadline', 'realtime', '-c:a', 'libvorbis'] },
  { file: 'mxf-mpeg2-pcm.mxf', core: true, args: [...pic('720x576'), ...tone(48000, 'mono'), '-c:v', 'mpeg2video', '-b:v', '5M', '-c:a', 'pcm_s16le', '-ar', '48000'] },
  { file: 'dv-pal.dv', core: true, args: [...pic('720x576'), ...tone(48000), '-target', 'pal-dv'] },
  { file: 'y4m-raw.y4m', args: [...pic('160x120'), '-pix_fmt', 'yuv420p'] },
  // Video codecs.
  { file: 'mov-mjpeg-pcm.mov', args: [...pic(), ...tone(), '-c:v', 'mjpeg', '-q:v', '5', '-pix_fmt', 'yuvj420p', '-c:a', 'pcm_s16le'] },
  { file: 'mov-dnxhr-alac.mov', args: [...pic('640x360'), ...tone(48000), '-c:v', 'dnxhd', '-profile:v', 'dnxhr_lb', '-pix_fmt', 'yuv422p', '-c:a', 'alac'] },
  { file: 'avi-huffyuv-pcm.avi', args: [...pic(), ...tone(), '-c:v', 'huffyuv', '-c:a', 'pcm_s16le'] },
  { file: 'mkv-ffv1-flac.mkv', args: [...pic(), ...tone(), '-c:v', 'ffv1', '-c:a', 'flac'] },
  { file: 'mp4-hevc8-aac.mp4', args: [...pic(), ...tone(), '-c:v', 'libx265', '-preset', 'ultrafast', '-tag:v', 'hvc1', '-x265-params', 'log-level=error', ...aac] },
  { file: 'mkv-hevc10-opus.mkv', core: true, args: [...pic(), ...tone(48000), '-c:v', 'libx265', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p10le', '-x265-params', 'log-level=error', '-c:a', 'libopus'] },
  { file: 'mp4-h264-high10.mp4', args: [...pic(), ...tone(), ...x264('yuv420p10le'), ...aac] },
  { file: 'mp4-h264-422.mp4', args: [...pic(), ...tone(), ...x264('yuv422p'), ...aac] },
  { file: 'mp4-h264-444-odd-321x241.mp4', args: [...pic(), ...tone(), '-vf', 'scale=321:241', ...x264('yuv444p'), ...aac] },
  { file: 'webm-vp9-alpha-opus.webm', core: true, args: ['-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=25:duration=${D},format=yuva420p,geq=lum='lum(X,Y)':a='128+X/3'`, ...tone(48000), '-c:v', 'libvpx-vp9', '-pix_fmt', 'yuva420p', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '400k', '-c:a', 'libopus'] },
  { file: 'mp4-av1-aac.mp4', args: [...pic(), ...tone(), '-c:v', 'libsvtav1', '-preset', '12', ...aac] },
  // Audio codecs (beside those above: AC-3 5.1, MP2, ALAC, WMA, 24-bit PCM, Opus, Vorbis, FLAC).
  { file: 'mkv-h264-eac3.mkv', args: [...pic(), ...tone(48000), ...x264(), '-c:a', 'eac3', '-b:a', '192k'] },
  { file: 'wma-audio-only.wma', core: true, args: [...tone(), '-c:a', 'wmav2', '-b:a', '96k'] },
  // Oddities.
  { file: 'mp4-sar-4-3-anamorphic.mp4', core: true, args: [...pic('480x360'), ...tone(), '-vf', 'setsar=4/3', ...x264(), ...aac] },
  { file: 'mkv-vfr.mkv', args: [...pic('320x240', 30), ...tone(), '-vf', "select='lt(n\\,20)+not(mod(n\\,3))'", '-fps_mode', 'vfr', ...x264(), ...aac] },
  { file: 'mp4-audio-first-editlist.mp4', core: true, args: ['-itsoffset', '0.5', ...pic('320x240', 25, 1.5), ...tone(), '-map', '0:v', '-map', '1:a', ...x264(), ...aac] },
  { file: 'mp4-rotate-90.mp4', core: true, args: [...pic('320x180'), ...tone(), ...x264(), ...aac, '-metadata:s:v', 'rotate=90'] },
  { file: 'mp4-rotate-180.mp4', args: [...pic('320x180'), ...tone(), ...x264(), ...aac, '-metadata:s:v', 'rotate=180'] },
  { file: 'mp4-rotate-270.mp4', args: [...pic('320x180'), ...tone(), ...x264(), ...aac, '-metadata:s:v', 'rotate=270'] },
  { file: 'mp4-60fps.mp4', args: [...pic('320x240', 60), ...tone(), ...x264(), ...aac] },
  { file: 'mp4-one-frame.mp4', args: [...pic('320x240', 25, 0.04), ...x264()] },
  { file: 'mp3-cover-art.mp3', args: [...tone(), ...pic('300x300', 1, 1), '-map', '0:a', '-map', '1:v', '-frames:v', '1', '-c:a', 'libmp3lame', '-c:v', 'mjpeg', '-disposition:v', 'attached_pic', '-id3v2_version', '3'] },
  { file: 'mkv-two-audio-tracks.mkv', args: [...pic(), ...tone(), ...tone(48000, 'mono'), '-map', '0:v', '-map', '1:a', '-map', '2:a', ...x264(), ...aac] },
  { file: 'mkv-subtitles.mkv', core: true, args: [...pic(), ...tone(), '-i', subtitles(), '-map', '0:v', '-map', '1:a', '-map', '2:s', ...x264(), ...aac, '-c:s', 'srt'] },
  { file: 'mkv-empty-audio-track.mkv', args: [...pic(), '-f', 'lavfi', '-i', 'anullsrc=sample_rate=44100', '-map', '0:v', '-map', '1:a', '-filter:a', 'atrim=0:0', ...x264(), ...aac] },
];

/** The cases a run takes: the representative part, or all of them with MATRIX=full. */
export function selectedCases(env = process.env) {
  const only = env.MATRIX_ONLY?.split(',');
  if (only) return CASES.filter((c) => only.some((o) => c.file.includes(o)));
  return env.MATRIX === 'full' ? CASES : CASES.filter((c) => c.core);
}

/** Makes (or finds in the cache) a case's input; returns its path. */
export function makeCase(c) {
  return makeMedia(`matrix-${c.file}`, c.args);
}
