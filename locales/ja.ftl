# Tamp の日本語テキスト。基準は en.ftl(同じメッセージ、同じ変数)。

## Page

page-title = Tamp — 端末上で圧縮・変換
promise = ファイルを端末上で圧縮・変換します。アップロードは一切ありません。
files-heading = ファイル
drop-overlay = ここにドロップして追加
settings-heading = 設定
language = 言語

## Adding files

add-files = ファイルを追加
add-folder = フォルダーを追加
add-hint = または動画・音声・画像・フォルダーをこのページのどこかにドロップするか貼り付け

## Settings

target-label = 目標サイズ (MB)
target-placeholder = 上限なし
presets = サイズのプリセット
preset-source = 上限の出典: { $source }(確認日 { $checked })
preset-source-format = 上限の出典: { $source }(確認日 { $checked })。{ $format } で出力
target-help = 動画、MP3・M4A の音声、JPEG・WebP の画像はこのサイズを超えません(0.05 は 50 KB)。その他の形式では適用されないことが詳細に表示されます。空欄にすると画質設定で変換します。
target-not-number = 目標サイズは 10 や 8.5 のようなメガバイト数で入力してください。
target-too-small = 目標サイズは 0.01 MB (10 KB) 以上にしてください。
format-label = 出力形式
quality-label = 画質
quality-help = 目標サイズがないときに使います。
advanced = 詳細オプション
advanced-defaults = すべて既定値
max-height-label = 最大の高さ
max-height-help = これより高い動画と画像は縮小します。拡大はしません。
max-width-label = 最大の幅
max-width-help = これより幅の広い画像は縦横比を保って縮小します。拡大はしません。
max-fps-label = 最大フレームレート
max-fps-help = これを超えるフレームは間引きます(再生速度は同じ)。フレームが減るほど 1 枚あたりのサイズに余裕が出ます。
codec-label = 動画コーデック
codec-help = AV1 は同じ画質でより小さなファイルをブラウザーで作ります。古いプレーヤーでは開けません。
encoder-label = エンコーダー
encoder-help = 高速はブラウザー内蔵の動画コーデックで数倍速く、x264 は厳しい予算で少し高い画質を出します。自動はファイルごとに選びます。
remove-audio = 音声を削除
keep-metadata = 写真のメタデータを残す(カメラ、位置情報)
keep-metadata-short = メタデータを残す
trim-start = 切り出し開始
trim-end = 切り出し終了
trim-start-placeholder = 開始
trim-end-placeholder = 終了
trim-short = 切り出し { $start }–{ $end }
trim-start-not-a-time = 切り出し開始「{ $text }」は時刻ではありません。1:05、65、1:02:03.5 のように入力してください。
trim-end-not-a-time = 切り出し終了「{ $text }」は時刻ではありません。1:05、65、1:02:03.5 のように入力してください。
trim-end-before-start = 切り出し終了は開始より後にしてください。
trim-help = 動画と音声: この部分だけを残します(1:05、65、1:02:03.5 の形式)。切り出しは正確です(再エンコードし、キーフレームで切りません)。空欄ならファイル全体です。
convert = 変換

## Choices in the selects (the saved value stays the English label)

opt-automatic = 自動
opt-original = 元のまま
opt-high = 高
opt-balanced = 標準
opt-small = 小
opt-fast-browser-codecs = 高速(ブラウザーのコーデック)
opt-best-quality-x264 = 最高画質(x264)
opt-h-264-vp9-plays-everywhere = H.264 / VP9(どこでも再生可)
opt-av1-smaller-recent-players = AV1(小さい、新しいプレーヤー向け)

## Queue

queue = キュー
queue-updates = キューのお知らせ
queue-empty = ファイルはまだありません。追加して始めましょう。
download-all = すべてダウンロード
zip-preparing = ZIP を準備中…
zip-saved = { $count } 個のファイルを ZIP で保存しました。
zip-read-failed = 完成したファイルを読み戻せませんでした。
zip-save-failed = ZIP を保存できませんでした。
batch-progress = バッチの進捗
batch-done = バッチ: { $total } 件中 { $ended } 件完了
batch-stopped = ({ $stopped } 件が失敗または取り消し)
time-left = 残り約 { $time }
notify = バッチ完了時に通知する
notify-unsupported = このブラウザーは通知を表示できません。
notify-denied = このサイトの通知はブラウザーの設定でブロックされています。
notify-background = このタブがバックグラウンドのときだけ。
notify-title-finished = Tamp: バッチが終わりました
notify-title-ready = Tamp: { $count } 件のファイルが完成
notify-more = { $names } ほか { $count } 件
notify-failed = { $count } 件のファイルが失敗しました。
unsaved-results = まだダウンロードしていない変換済みファイルがあります。

## A job

kind-detecting = 判別中…
kind-video = 動画
kind-audio = 音声
kind-image = 画像
kind-unknown = 不明
remove = 削除
cancel = 取り消し
retry = 再試行
waiting = 待機中…
cancelled = 取り消しました
details = 詳細
progress = 進捗
elapsed = 経過 { $time }
speed = 実時間の { $speed } 倍
plan = 計画: { $height }p · { $fps } fps · 画質{ $quality }
download = { $name } をダウンロード
size-change = { $before } → { $after }({ $change })
smaller = { $percent }% 小さく
larger = { $percent }% 大きく
larger-than-empty = 大きく
same-size = 同じサイズ
facts-change = { $before } → { $after }
facts-original = 元: { $facts }
facts-result = 結果: { $facts }
options-for = { $name } のオプション
own-settings = (個別設定)
as-in-settings = 設定どおり
for-file = ({ $name })
job-target-label = 目標サイズ
job-target-unit = (MB)
ready-announcement = { $input } が完成: { $output }、{ $size }({ $change })
failed-announcement = { $input } は失敗: { $message }

## A job's step, why it waits, its plan (core says which message; the page writes it)

step-starting = 変換エンジンを起動中
step-reading = ファイルを読み込み中
step-analysing = クリップを分析中
step-pass-1 = 分析中 (パス 1/2)
step-pass-2 = エンコード中 (パス 2/2)
step-encoding = エンコード中
step-finishing = 仕上げ中
step-attempt = { $step }、試行 { $attempt } 回目
wait-one-video = 待機中: この端末では動画を 1 本ずつ変換します。
wait-one-audio = 待機中: この端末では音声を 1 件ずつ変換します。
wait-one-image = 待機中: この端末では画像を 1 枚ずつ変換します。
wait-many-videos = 待機中: この端末では動画を同時に { $count } 本まで変換します。
wait-many-audio = 待機中: この端末では音声を同時に { $count } 件まで変換します。
wait-many-images = 待機中: この端末では画像を同時に { $count } 枚まで変換します。
wait-memory = メモリ待ち: 実行中の処理が { $budget } のうち推定 { $claimed } を使います。
wait-ahead-video = 待機中: 先に並んでいる大きな動画がメモリを必要としています (推定 { $size })。
wait-ahead-audio = 待機中: 先に並んでいる大きな音声がメモリを必要としています (推定 { $size })。
wait-ahead-image = 待機中: 先に並んでいる大きな画像がメモリを必要としています (推定 { $size })。
wait-running-video = 待機中: 大きな動画を変換中です (推定 { $size })。
wait-running-audio = 待機中: 大きな音声を変換中です (推定 { $size })。
wait-running-image = 待機中: 大きな画像を変換中です (推定 { $size })。
quality-low = 低い
quality-fair = まずまず
quality-good = 良い
quality-very-good = とても良い

## Why FFmpeg could not read or convert a file (core's FailReason; FFmpeg's own lines stay in Details)

fail-no-index = この動画は不完全です。録画やダウンロードが途中で止まったため、インデックス (moov atom) がありません。
fail-cut-short = このファイルは途中で切れているか壊れているため、最後まで読み込めません。
fail-gone = ファイルを開けませんでした。移動、名前の変更、または削除された可能性があります。
fail-not-allowed = ブラウザーがこのファイルを読み込めませんでした。もう一度選んでください。
fail-memory-reading = このファイルの読み込み中に端末のメモリが足りなくなりました。他のタブを閉じるか、小さいファイルでお試しください。
fail-cannot-decode = このファイルの形式またはコーデックは、このアプリの FFmpeg ではデコードできません。
fail-no-streams = このファイルには使える映像も音声もありません。
fail-not-media = このファイルは読み込める動画、音声、画像ではありません。FFmpeg もデータを認識できません。
fail-encrypted = このファイルは保護 (暗号化) されているため、変換できません。
fail-ffmpeg-said = ファイルを読み込めませんでした。FFmpeg のメッセージ:「{ $line }」
fail-no-reason = ファイルを読み込めませんでした。FFmpeg は理由を示していません。
fail-memory-encoding = このファイルの変換中にメモリが足りなくなりました。他のタブを閉じるか、短い部分 (切り出し) や小さい「最大の高さ」でお試しください。
fail-passes-differ = 目標サイズのエンコードの 2 つのパスで異なるフレームが読まれたため、2 回目のパスで 1 回目の分析を使えませんでした。
fail-picture-changes = このファイルは途中で映像のサイズや形式が変わり、変換が追従できませんでした。
fail-no-room = 出力を書き込む領域が足りなくなりました。
fail-codec-named = このファイルのコーデック ({ $codec }) は、このアプリの FFmpeg ではデコードできません。他のツールで MP4 の H.264 (または一般的な形式) に変換すれば、ここで使えます。
fail-codec = このファイルのコーデックは、このアプリの FFmpeg ではデコードできません。他のツールで MP4 の H.264 (または一般的な形式) に変換すれば、ここで使えます。
fail-no-encoder = このアプリの FFmpeg にはその出力のエンコーダーがありません。別の出力形式を選んでください。
fail-cannot-hold = 出力形式がこのファイルのストリームの 1 つを格納できません。出力形式に MP4 か MKV をお試しください。
fail-damaged = FFmpeg がデコードしようとした箇所でデータが壊れているため、変換できませんでした。
fail-other = 変換に失敗しました。FFmpeg がエラーで停止しました (最後の数行は「詳細」にあります)。
fail-no-space = この端末の空き容量が足りません。結果には約 { $needed } 必要ですが、ブラウザーがこのサイトに許可しているのは { $free } です。空きを作るか、完了したファイルを一覧から削除してください。
fail-handoff = ファイルを変換エンジンに渡せませんでした。
fail-silent = 変換エンジンが応答しなくなりました ({ $seconds } 秒間応答なし)。次のファイルのために再起動します。
fail-crashed = 変換エンジンがクラッシュしました ({ $detail })。次のファイルのために再起動します。
fail-no-start = このブラウザーでは変換エンジンを起動できませんでした。
fail-no-file = 変換は終わりましたが、ファイルが届きませんでした。
fail-no-download = 結果をダウンロードできる形にできませんでした。
fail-empty = このファイルは空です (0 バイト)。変換するものがありません。
fail-unknown-data = このファイルは読み込める動画・音声・画像ではありません (見たところ: { $what })。
warn-ends-early = このファイルは途中で終わっています。最初の { $saved } 秒を保存しました (ヘッダーには { $claimed } 秒とあります)。
estimate-slider = { $name } の画質
estimate-size = 画質 { $quality }: { $size }
estimate-running = サイズを見積もっています…
estimate-failed = サイズを見積もれませんでした: { $message }

## Sizes (decimal units, as chat apps count them)

percent = { $n }%
size-b = { $n } B
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB
size-tb = { $n } TB
size-pb = { $n } PB

## Preview and Compare

preview = { $name } をプレビュー
preview-of = { $name } のプレビュー
preview-failed = このブラウザーではこのファイルを表示できません。ダウンロードして別のアプリで開いてください。
compare = { $name } を比較
comparison-of = { $name } の比較
compare-range = { $name } を比較: 元 ← → 変換後
compare-value = 元 { $original }%、変換後 { $converted }%
compare-caption = 左が元、右が変換後。仕切りをドラッグするか矢印キーで動かします。
compare-open-failed = 比較のために元のファイルを開けませんでした。
compare-failed = このブラウザーでは 2 つのファイルの片方を並べて表示できません。
original = 元
converted = 変換後
play-both = 両方を再生
pause-both = 両方を一時停止

## Offline and updates

offline-ready = オフラインで使えます
update = 更新
update-ready = 新しいバージョンの準備ができました。
reload = 再読み込み
update-busy = 実行中の変換が終わると再読み込みできます。
update-clears-queue = 再読み込みするとキューが消えます。先に結果をダウンロードしてください。
update-reload = 再読み込みで使えます。
crashed = Tamp の内部で問題が起き、動作が止まりました。ファイルがこの端末から出たことはありません。
