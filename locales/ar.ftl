# نصوص Tamp بالعربية. المرجع: en.ftl (الرسائل نفسها والمتغيرات نفسها).
# تُكتب من اليمين إلى اليسار؛ لذلك تشير الأسهم من القديم إلى الجديد نحو اليسار.

## Page

page-title = Tamp — ضغط الملفات وتحويلها على جهازك
promise = اضغط ملفاتك وحوّلها على جهازك، دون رفع أي شيء.
files-heading = الملفات
drop-overlay = أفلت الملفات لإضافتها
settings-heading = الإعدادات
language = اللغة

## Adding files

add-files = إضافة ملفات
add-folder = إضافة مجلد
add-hint = أو أفلت مقاطع الفيديو والصوت والصور والمجلدات في أي مكان من هذه الصفحة، أو الصقها

## Settings

target-label = الحجم المطلوب (ميغابايت)
target-placeholder = بلا حد
presets = أحجام جاهزة
preset-source = الحد بحسب { $source }، تحقّقنا منه في { $checked }
preset-source-format = الحد بحسب { $source }، تحقّقنا منه في { $checked }؛ يُنتج { $format }
target-help = لا تتجاوز مقاطع الفيديو والصوت MP3 وM4A والصور JPEG وWebP هذا الحجم أبدًا (0.05 تعني 50 كيلوبايت)؛ وتذكر الصيغ الأخرى في تفاصيلها أنه لا ينطبق عليها. اتركه فارغًا للتحويل بحسب مستوى الجودة.
target-not-number = يجب أن يكون الحجم المطلوب عددًا بالميغابايت، مثل 10 أو 8.5.
target-too-small = يجب ألا يقل الحجم المطلوب عن 0.01 ميغابايت (10 كيلوبايت).
format-label = صيغة الناتج
quality-label = الجودة
quality-help = تُستخدم عند عدم تحديد حجم مطلوب.
advanced = خيارات متقدمة
advanced-defaults = كلها على الإعدادات الافتراضية
max-height-label = أقصى ارتفاع
max-height-help = تُصغَّر مقاطع الفيديو والصور الأعلى من ذلك، ولا تُكبَّر أبدًا.
max-width-label = أقصى عرض
max-width-help = تُصغَّر الصور الأعرض من ذلك مع الحفاظ على نسبتها، ولا تُكبَّر أبدًا.
max-fps-label = أقصى معدل إطارات
max-fps-help = تُحذف الإطارات التي تتجاوز هذا المعدل (ويبقى الفيديو بالسرعة نفسها)؛ وقلة الإطارات تترك لكل منها حصة أكبر من الحجم.
codec-label = ترميز الفيديو
codec-help = يصنع AV1 ملفات أصغر بالجودة نفسها، ويرمّزها متصفحك؛ ولا تفتحها المشغّلات القديمة.
encoder-label = المرمِّز
encoder-help = «سريع» يستخدم ترميزات الفيديو في متصفحك وهو أسرع بأضعاف؛ و x264 يستخرج جودة أعلى قليلًا من الميزانيات الضيقة. «تلقائي» يختار لكل ملف.
remove-audio = إزالة الصوت
keep-metadata = الإبقاء على بيانات الصور الوصفية (الكاميرا، الموقع)
keep-metadata-short = الإبقاء على البيانات الوصفية
trim-start = بداية القص
trim-end = نهاية القص
trim-start-placeholder = البداية
trim-end-placeholder = النهاية
trim-short = قص { $start }–{ $end }
trim-start-not-a-time = بداية القص «{ $text }» ليست وقتًا؛ اكتبها مثل 1:05 أو 65 أو 1:02:03.5.
trim-end-not-a-time = نهاية القص «{ $text }» ليست وقتًا؛ اكتبها مثل 1:05 أو 65 أو 1:02:03.5.
trim-end-before-start = يجب أن تأتي نهاية القص بعد بدايته.
trim-help = الفيديو والصوت: احتفظ بهذا الجزء فقط، بصيغة 1:05 أو 65 أو 1:02:03.5. القص دقيق (يُعاد ترميز الجزء ولا يُقص عند أقرب إطار مفتاحي). الفراغ يبقي الملف كله.
convert = تحويل

## Choices in the selects (the saved value stays the English label)

opt-automatic = تلقائي
opt-original = الأصلي
opt-high = عالية
opt-balanced = متوازنة
opt-small = صغيرة
opt-fast-browser-codecs = سريع (ترميزات المتصفح)
opt-best-quality-x264 = أفضل جودة (x264)
opt-h-264-vp9-plays-everywhere = H.264 / VP9 (يعمل في كل مكان)
opt-av1-smaller-recent-players = AV1 (أصغر، للمشغّلات الحديثة)

## Queue

queue = قائمة الانتظار
queue-updates = مستجدات قائمة الانتظار
queue-empty = لا ملفات بعد. أضف بعضها للبدء.
download-all = تنزيل الكل
zip-preparing = جارٍ تجهيز ملف zip…
zip-saved = { $count ->
    [zero] لم يُحفظ أي ملف في zip.
    [one] حُفظ ملف zip فيه ملف واحد.
    [two] حُفظ ملف zip فيه ملفان.
    [few] حُفظ ملف zip فيه { $count } ملفات.
   *[other] حُفظ ملف zip فيه { $count } ملفًا.
}
zip-read-failed = تعذّرت قراءة أحد الملفات الجاهزة.
zip-save-failed = تعذّر حفظ ملف zip.
batch-progress = تقدّم الدفعة
batch-done = الدفعة: اكتمل { $ended } من { $total }
batch-stopped = ({ $stopped } فشل أو أُلغي)
time-left = بقي نحو { $time }
notify = أعلمني عند انتهاء الدفعة
notify-unsupported = لا يستطيع هذا المتصفح عرض الإشعارات.
notify-denied = الإشعارات محظورة لهذا الموقع في إعدادات المتصفح.
notify-background = فقط عندما تكون هذه العلامة في الخلفية.
notify-title-finished = Tamp: انتهت الدفعة
notify-title-ready = { $count ->
    [one] Tamp: ملف واحد جاهز
    [two] Tamp: ملفان جاهزان
    [few] Tamp: { $count } ملفات جاهزة
   *[other] Tamp: { $count } ملفًا جاهزًا
}
notify-more = { $names } و{ $count } غيرها
notify-failed = { $count ->
    [one] فشل ملف واحد.
    [two] فشل ملفان.
    [few] فشلت { $count } ملفات.
   *[other] فشل { $count } ملفًا.
}
unsaved-results = لديك ملفات محوَّلة لم تُنزَّل بعد.

## A job

kind-detecting = جارٍ التعرّف…
kind-video = فيديو
kind-audio = صوت
kind-image = صورة
kind-unknown = غير معروف
remove = إزالة
cancel = إلغاء
retry = إعادة المحاولة
waiting = في الانتظار…
cancelled = أُلغي
details = التفاصيل
progress = التقدّم
elapsed = مضى { $time }
speed = { $speed }× الوقت الحقيقي
plan = الخطة: { $height }p · { $fps } إطار/ث · جودة { $quality }
download = تنزيل { $name }
size-change = { $before } ← { $after } ({ $change })
smaller = أصغر بنسبة { $percent }٪
larger = أكبر بنسبة { $percent }٪
larger-than-empty = أكبر
same-size = الحجم نفسه
facts-change = { $before } ← { $after }
facts-original = الأصل: { $facts }
facts-result = الناتج: { $facts }
options-for = خيارات { $name }
own-settings = (إعدادات خاصة)
as-in-settings = كما في الإعدادات
for-file = لـ { $name }
job-target-label = الحجم المطلوب
job-target-unit = (ميغابايت)
ready-announcement = { $input } جاهز: { $output }، { $size } ({ $change })
failed-announcement = فشل { $input }: { $message }

## A job's step, why it waits, its plan (core says which message; the page writes it)

step-starting = جارٍ تشغيل المحوّل
step-reading = جارٍ قراءة الملف
step-analysing = جارٍ تحليل المقطع
step-pass-1 = جارٍ التحليل (المرور 1 من 2)
step-pass-2 = جارٍ الترميز (المرور 2 من 2)
step-encoding = جارٍ الترميز
step-finishing = جارٍ الإنهاء
step-attempt = { $step }، المحاولة { $attempt }
wait-one-video = في الانتظار: يحوّل هذا الجهاز فيديو واحدًا في كل مرة.
wait-one-audio = في الانتظار: يحوّل هذا الجهاز ملفًا صوتيًا واحدًا في كل مرة.
wait-one-image = في الانتظار: يحوّل هذا الجهاز صورة واحدة في كل مرة.
wait-many-videos = { $count ->
    [zero] في الانتظار: لا يحوّل هذا الجهاز أي فيديو الآن.
    [one] في الانتظار: يحوّل هذا الجهاز فيديو واحدًا في كل مرة.
    [two] في الانتظار: يحوّل هذا الجهاز فيديوهين في كل مرة.
    [few] في الانتظار: يحوّل هذا الجهاز { $count } فيديوهات في كل مرة.
    [many] في الانتظار: يحوّل هذا الجهاز { $count } فيديو في كل مرة.
   *[other] في الانتظار: يحوّل هذا الجهاز { $count } فيديو في كل مرة.
}
wait-many-audio = { $count ->
    [zero] في الانتظار: لا يحوّل هذا الجهاز أي ملف صوتي الآن.
    [one] في الانتظار: يحوّل هذا الجهاز ملفًا صوتيًا واحدًا في كل مرة.
    [two] في الانتظار: يحوّل هذا الجهاز ملفين صوتيين في كل مرة.
    [few] في الانتظار: يحوّل هذا الجهاز { $count } ملفات صوتية في كل مرة.
    [many] في الانتظار: يحوّل هذا الجهاز { $count } ملفًا صوتيًا في كل مرة.
   *[other] في الانتظار: يحوّل هذا الجهاز { $count } ملف صوتي في كل مرة.
}
wait-many-images = { $count ->
    [zero] في الانتظار: لا يحوّل هذا الجهاز أي صورة الآن.
    [one] في الانتظار: يحوّل هذا الجهاز صورة واحدة في كل مرة.
    [two] في الانتظار: يحوّل هذا الجهاز صورتين في كل مرة.
    [few] في الانتظار: يحوّل هذا الجهاز { $count } صور في كل مرة.
    [many] في الانتظار: يحوّل هذا الجهاز { $count } صورة في كل مرة.
   *[other] في الانتظار: يحوّل هذا الجهاز { $count } صورة في كل مرة.
}
wait-memory = في انتظار الذاكرة: تحتاج المهام الجارية إلى نحو { $claimed } من { $budget }.
wait-ahead-video = في الانتظار: فيديو كبير قبله في الطابور يحتاج إلى الذاكرة (نحو { $size }).
wait-ahead-audio = في الانتظار: ملف صوتي كبير قبله في الطابور يحتاج إلى الذاكرة (نحو { $size }).
wait-ahead-image = في الانتظار: صورة كبيرة قبله في الطابور تحتاج إلى الذاكرة (نحو { $size }).
wait-running-video = في الانتظار: يجري تحويل فيديو كبير (نحو { $size }).
wait-running-audio = في الانتظار: يجري تحويل ملف صوتي كبير (نحو { $size }).
wait-running-image = في الانتظار: يجري تحويل صورة كبيرة (نحو { $size }).
quality-low = منخفضة
quality-fair = مقبولة
quality-good = جيدة
quality-very-good = جيدة جدًا

## Why FFmpeg could not read or convert a file (core's FailReason; FFmpeg's own lines stay in Details)

fail-no-index = هذا الفيديو غير مكتمل: فهرسه (moov atom) مفقود، غالبًا لأن التسجيل أو التنزيل انقطع.
fail-cut-short = يبدو أن هذا الملف مقطوع أو تالف، فلا يمكن قراءته كاملًا.
fail-gone = تعذّر فتح الملف؛ ربما نُقل أو أُعيدت تسميته أو حُذف.
fail-not-allowed = لم يُسمح للمتصفح بقراءة هذا الملف. جرّب اختياره مرة أخرى.
fail-memory-reading = نفدت ذاكرة جهازك أثناء قراءة هذا الملف. أغلق علامات تبويب أخرى أو جرّب ملفًا أصغر.
fail-cannot-decode = يستخدم هذا الملف صيغة أو ترميزًا لا يستطيع FFmpeg في هذا التطبيق فكّه.
fail-no-streams = لا يحتوي هذا الملف على فيديو أو صوت يمكننا استخدامه.
fail-not-media = هذا الملف ليس فيديو أو صوتًا أو صورة يمكننا قراءتها: ولا يتعرّف FFmpeg على بياناته أيضًا.
fail-encrypted = هذا الملف محمي (مشفّر)، فلا يمكن تحويله.
fail-ffmpeg-said = تعذّرت قراءة الملف. قال FFmpeg: «{ $line }»
fail-no-reason = تعذّرت قراءة الملف، ولم يذكر FFmpeg سببًا.
fail-memory-encoding = نفدت ذاكرة المحوّل مع هذا الملف. أغلق علامات تبويب أخرى، أو جرّب جزءًا أقصر (القص) أو «أقصى ارتفاع» أصغر.
fail-passes-differ = رأت مرحلتا الترميز بالحجم المطلوب إطارات مختلفة من هذا الملف، فلم تستطع المرحلة الثانية استخدام تحليل الأولى.
fail-picture-changes = تتغيّر أبعاد الصورة أو صيغتها في منتصف هذا الملف، ولم يستطع المحوّل مواكبتها.
fail-no-room = نفدت مساحة المحوّل لحفظ الناتج.
fail-codec-named = يستخدم هذا الملف ترميزًا ({ $codec }) لا يستطيع FFmpeg في هذا التطبيق فكّه. إن حوّلته في مكان آخر إلى H.264 في MP4 (أو أي صيغة شائعة) فسيعمل هنا.
fail-codec = يستخدم هذا الملف ترميزًا لا يستطيع FFmpeg في هذا التطبيق فكّه. إن حوّلته في مكان آخر إلى H.264 في MP4 (أو أي صيغة شائعة) فسيعمل هنا.
fail-no-encoder = لا يملك FFmpeg في هذا التطبيق مرمّزًا لهذا الناتج. اختر صيغة ناتج أخرى.
fail-cannot-hold = لا تستطيع صيغة الناتج حمل أحد مسارات هذا الملف. جرّب MP4 أو MKV صيغةً للناتج.
fail-damaged = بيانات هذا الملف تالفة حيث حاول FFmpeg فكّها، فتعذّر تحويله.
fail-other = فشل التحويل: توقف FFmpeg بخطأ (آخر أسطره في «التفاصيل»).
fail-no-space = لا توجد مساحة حرة كافية على هذا الجهاز للناتج: يحتاج إلى نحو { $needed }، والمتصفح يمنح هذا الموقع { $free }. حرّر بعض المساحة أو أزل الملفات المكتملة من القائمة.
fail-handoff = تعذّر تسليم الملف إلى المحوّل.
fail-silent = توقف المحوّل عن الاستجابة (لا شيء منذ { $seconds } ثانية). سيُعاد تشغيله للملف التالي.
fail-crashed = تعطّل المحوّل ({ $detail }). سيُعاد تشغيله للملف التالي.
fail-no-start = تعذّر تشغيل المحوّل في هذا المتصفح.
fail-no-file = انتهى المحوّل لكنه لم يرسل أي ملف.
fail-no-download = تعذّر تجهيز الناتج للتنزيل.
fail-empty = هذا الملف فارغ (0 بايت): لا يوجد ما يُحوَّل.
fail-unknown-data = هذا الملف ليس ملف فيديو أو صوت أو صورة يمكننا قراءته (يبدو أنه: { $what }).
warn-ends-early = ينتهي الملف قبل أوانه: حُفظت أول { $saved } ثانية (يذكر رأسه { $claimed } ثانية).
estimate-slider = جودة { $name }
estimate-size = بجودة { $quality }: { $size }
estimate-running = جارٍ تقدير الحجم…
estimate-failed = تعذّر تقدير الحجم: { $message }

## Sizes (decimal units, as chat apps count them)

percent = { $n }٪
size-b = { $n } بايت
size-kb = { $n } كيلوبايت
size-mb = { $n } ميغابايت
size-gb = { $n } غيغابايت
size-tb = { $n } تيرابايت
size-pb = { $n } بيتابايت

## Preview and Compare

preview = معاينة { $name }
preview-of = معاينة { $name }
preview-failed = لا يستطيع هذا المتصفح عرض هذا الملف؛ نزّله لفتحه في مكان آخر.
compare = مقارنة { $name }
comparison-of = مقارنة { $name }
compare-range = مقارنة { $name }: الأصل → ← المحوَّل
compare-value = { $original }٪ الأصل، { $converted }٪ المحوَّل
compare-caption = الأصل على اليمين والمحوَّل على اليسار: اسحب الفاصل أو استخدم مفاتيح الأسهم.
compare-open-failed = تعذّر فتح الملف الأصلي للمقارنة.
compare-failed = لا يستطيع هذا المتصفح عرض أحد الملفين جنبًا إلى جنب.
original = الأصل
converted = المحوَّل
play-both = تشغيل الاثنين
pause-both = إيقاف الاثنين مؤقتًا

## Offline and updates

offline-ready = جاهز للعمل دون اتصال
update = تحديث
update-ready = إصدار جديد جاهز.
reload = إعادة التحميل
update-busy = يمكن إعادة التحميل عند انتهاء التحويل الجاري.
update-clears-queue = إعادة التحميل تُفرغ قائمة الانتظار: نزّل نتائجك أولًا.
update-reload = أعد التحميل لاستخدامه.
crashed = حدث خطأ داخل Tamp فتوقف عن العمل. لم تغادر ملفاتك هذا الجهاز قط.
