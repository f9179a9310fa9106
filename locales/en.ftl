# Tamp's English text: the reference every other locale must match, message for message
# and placeholder for placeholder (core/src/i18n/check.rs, run by `cargo test -p tamp-core`).
# Keep translations short: the phone layout is 390 px wide.

## Page

page-title = Tamp — compress and convert on your device
promise = Compress and convert files on your device — nothing is uploaded.
files-heading = Files
drop-overlay = Drop files to add them
settings-heading = Settings
language = Language

## Adding files

add-files = Add files
add-folder = Add folder
add-hint = or drop videos, audio, images and folders anywhere on this page, or paste them

## Settings

target-label = Target size (MB)
target-placeholder = no limit
presets = Size presets
preset-source = Limit from { $source }, checked { $checked }
preset-source-format = Limit from { $source }, checked { $checked }; makes { $format }
target-help = Videos, MP3 and M4A sound, and JPEG and WebP pictures never come out larger than this (0.05 is 50 KB); other formats say in their details that it does not apply to them. Leave it empty to convert at a quality setting instead.
target-not-number = The target size must be a number of megabytes, like 10 or 8.5.
target-too-small = The target size must be at least 0.01 MB (10 KB).
format-label = Output format
quality-label = Quality
quality-help = Used when no target size is set.
advanced = Advanced options
advanced-defaults = all at their defaults
max-height-label = Max height
max-height-help = Videos and images taller than this are scaled down; never up.
max-width-label = Max width
max-width-help = Images wider than this are scaled down, keeping their shape; never up.
max-fps-label = Max frame rate
max-fps-help = Frames beyond this rate are dropped (the video plays at the same speed); fewer frames leave more of a size budget for each.
codec-label = Video codec
codec-help = AV1 makes smaller files at the same quality, encoded by your browser; older players cannot open them.
encoder-label = Encoder
encoder-help = Fast uses your browser's own video codecs, several times quicker; x264 squeezes a little more quality out of tight budgets. Automatic picks per file.
remove-audio = Remove audio
keep-metadata = Keep photo metadata (camera, location)
keep-metadata-short = Keep metadata
trim-start = Trim start
trim-end = Trim end
trim-start-placeholder = start
trim-end-placeholder = end
trim-short = Trim { $start }–{ $end }
trim-start-not-a-time = The trim start "{ $text }" is not a time; write it like 1:05, 65 or 1:02:03.5.
trim-end-not-a-time = The trim end "{ $text }" is not a time; write it like 1:05, 65 or 1:02:03.5.
trim-end-before-start = The trim end must be after the trim start.
trim-help = Videos and audio: keep only this part, as 1:05, 65 or 1:02:03.5. Cuts are exact (the part is re-encoded, never cut at the nearest keyframe). Empty keeps the whole file.
convert = Convert

## Choices in the selects (the saved value stays the English label)

opt-automatic = Automatic
opt-original = Original
opt-high = High
opt-balanced = Balanced
opt-small = Small
opt-fast-browser-codecs = Fast (browser codecs)
opt-best-quality-x264 = Best quality (x264)
opt-h-264-vp9-plays-everywhere = H.264 / VP9 (plays everywhere)
opt-av1-smaller-recent-players = AV1 (smaller, recent players)

## Queue

queue = Queue
queue-updates = Queue updates
queue-empty = No files yet. Add some to begin.
download-all = Download all
zip-preparing = Preparing the zip…
zip-saved = { $count ->
    [one] Saved a zip of { $count } file.
   *[other] Saved a zip of { $count } files.
}
zip-read-failed = A finished file could not be read back.
zip-save-failed = The zip could not be saved.
batch-progress = Batch progress
batch-done = Batch: { $ended } of { $total } done
batch-stopped = ({ $stopped } failed or cancelled)
time-left = about { $time } left
notify = Notify me when the batch is done
notify-unsupported = This browser cannot show notifications.
notify-denied = Notifications are blocked for this site in the browser's settings.
notify-background = Only when this tab is in the background.
notify-title-finished = Tamp: the batch has finished
notify-title-ready = { $count ->
    [one] Tamp: { $count } file ready
   *[other] Tamp: { $count } files ready
}
notify-more = { $names } and { $count } more
notify-failed = { $count ->
    [one] { $count } file failed.
   *[other] { $count } files failed.
}
unsaved-results = You have converted files that are not downloaded yet.

## A job

kind-detecting = detecting…
kind-video = video
kind-audio = audio
kind-image = image
kind-unknown = unknown
remove = Remove
cancel = Cancel
retry = Retry
waiting = Waiting…
cancelled = Cancelled
details = Details
progress = Progress
elapsed = elapsed { $time }
speed = { $speed }× real time
plan = Plan: { $height }p · { $fps } fps · { $quality }
download = Download { $name }
size-change = { $before } → { $after } ({ $change })
smaller = { $percent }% smaller
larger = { $percent }% larger
larger-than-empty = larger
same-size = same size
facts-change = { $before } → { $after }
facts-original = Original: { $facts }
facts-result = Result: { $facts }
options-for = Options for { $name }
own-settings = (own settings)
as-in-settings = As in the settings
for-file = for { $name }
job-target-label = Target size
job-target-unit = (MB)
ready-announcement = { $input } is ready: { $output }, { $size } ({ $change })
failed-announcement = { $input } failed: { $message }

## A job's step, why it waits, its plan (core says which message; the page writes it)

step-starting = Starting the converter
step-reading = Reading the file
step-analysing = Analysing the clip
step-pass-1 = Analysing (pass 1 of 2)
step-pass-2 = Encoding (pass 2 of 2)
step-encoding = Encoding
step-finishing = Finishing
step-attempt = { $step }, attempt { $attempt }
wait-one-video = Waiting: this device converts one video at a time.
wait-one-audio = Waiting: this device converts one audio file at a time.
wait-one-image = Waiting: this device converts one image at a time.
wait-many-videos = { $count ->
    [one] Waiting: this device converts { $count } video at a time.
   *[other] Waiting: this device converts { $count } videos at a time.
}
wait-many-audio = { $count ->
    [one] Waiting: this device converts { $count } audio file at a time.
   *[other] Waiting: this device converts { $count } audio files at a time.
}
wait-many-images = { $count ->
    [one] Waiting: this device converts { $count } image at a time.
   *[other] Waiting: this device converts { $count } images at a time.
}
wait-memory = Waiting for memory: the jobs running need est. { $claimed } of { $budget }.
wait-ahead-video = Waiting: a large video queued ahead needs the memory (est. { $size }).
wait-ahead-audio = Waiting: a large audio file queued ahead needs the memory (est. { $size }).
wait-ahead-image = Waiting: a large image queued ahead needs the memory (est. { $size }).
wait-running-video = Waiting: a large video is running (est. { $size }).
wait-running-audio = Waiting: a large audio file is running (est. { $size }).
wait-running-image = Waiting: a large image is running (est. { $size }).
quality-low = low
quality-fair = fair
quality-good = good
quality-very-good = very good

## Why FFmpeg could not read or convert a file (core's FailReason; FFmpeg's own lines stay in Details)

fail-no-index = This video is incomplete: its index (moov atom) is missing, usually because the recording or download was interrupted.
fail-cut-short = This file appears to be cut short or damaged, so it cannot be read completely.
fail-gone = The file could not be opened; it may have been moved, renamed or deleted.
fail-not-allowed = The browser was not allowed to read this file. Try choosing it again.
fail-memory-reading = Your device ran out of memory while reading this file. Close other tabs or try a smaller file.
fail-cannot-decode = This file uses a format or codec that this app's FFmpeg cannot decode.
fail-no-streams = This file has no video or audio in it that we can use.
fail-not-media = This file is not a video, audio or image file we can read: FFmpeg does not recognise its data either.
fail-encrypted = This file is protected (encrypted), so it cannot be converted.
fail-ffmpeg-said = The file could not be read. FFmpeg said: “{ $line }”
fail-no-reason = The file could not be read, and FFmpeg gave no reason.
fail-memory-encoding = The converter ran out of memory on this file. Close other tabs, or try a shorter part (Trim) or a smaller Max height.
fail-passes-differ = The two passes of the size-target encode saw different frames of this file, so the second pass could not use the first one's analysis.
fail-picture-changes = The picture changes size or format part-way through this file, and the converter could not follow it.
fail-no-room = The converter ran out of room for the output.
fail-codec-named = This file uses a codec ({ $codec }) that this app's FFmpeg cannot decode. Converting it elsewhere to H.264 in MP4 (or any common format) would work here.
fail-codec = This file uses a codec that this app's FFmpeg cannot decode. Converting it elsewhere to H.264 in MP4 (or any common format) would work here.
fail-no-encoder = This app's FFmpeg has no encoder for that output. Choose another Output format.
fail-cannot-hold = The output format cannot hold one of this file's streams. Try MP4 or MKV as the Output format.
fail-damaged = This file's data is damaged where FFmpeg tried to decode it, so it could not be converted.
fail-other = The conversion failed: FFmpeg stopped with an error (its last lines are under Details).
fail-no-space = Not enough free space on this device for the result: it needs about { $needed }, and the browser grants this site { $free }. Free some space, or remove finished files from the list.
fail-handoff = The file could not be handed to the converter.
fail-silent = The converter stopped responding (nothing for { $seconds } s). It will be restarted for the next file.
fail-crashed = The converter crashed ({ $detail }). It will be restarted for the next file.
fail-no-start = The converter could not be started in this browser.
fail-no-file = The converter finished but sent no file.
fail-no-download = The result could not be made downloadable.
fail-empty = This file is empty (0 bytes): there is nothing to convert.
fail-unknown-data = This file is not a video, audio or image file we can read (it looks like: { $what }).
warn-ends-early = The file ends early: saved the first { $saved } s (its header claims { $claimed } s).
estimate-slider = Quality of { $name }
estimate-size = At quality { $quality }: { $size }
estimate-running = Estimating the size…
estimate-failed = The size could not be estimated: { $message }

## Sizes (decimal units, as chat apps count them)

percent = { $n }%
size-b = { $n } B
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB
size-tb = { $n } TB
size-pb = { $n } PB

## Preview and Compare

preview = Preview { $name }
preview-of = Preview of { $name }
preview-failed = This browser cannot show this file; download it to open it elsewhere.
compare = Compare { $name }
comparison-of = Comparison of { $name }
compare-range = Compare { $name }: original ← → converted
compare-value = { $original }% original, { $converted }% converted
compare-caption = Original on the left, converted on the right: drag the divider or use the arrow keys.
compare-open-failed = The original file could not be opened for comparison.
compare-failed = This browser cannot show one of the two files side by side.
original = Original
converted = Converted
play-both = Play both
pause-both = Pause both

## Offline and updates

offline-ready = Ready to work offline
update = Update
update-ready = A new version is ready.
reload = Reload
update-busy = Reload is possible when the running conversion has finished.
update-clears-queue = Reloading clears the queue: download your results first.
update-reload = Reload to use it.
crashed = Something went wrong inside Tamp and it stopped working. Your files never left this device.
