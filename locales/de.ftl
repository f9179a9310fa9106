# Tamps deutscher Text. Referenz: en.ftl (gleiche Meldungen, gleiche Platzhalter).

## Page

page-title = Tamp – komprimieren und umwandeln auf deinem Gerät
promise = Dateien auf deinem Gerät komprimieren und umwandeln – nichts wird hochgeladen.
files-heading = Dateien
drop-overlay = Dateien hier ablegen, um sie hinzuzufügen
settings-heading = Einstellungen
language = Sprache

## Adding files

add-files = Dateien hinzufügen
add-folder = Ordner hinzufügen
add-hint = oder Videos, Audio, Bilder und Ordner irgendwo auf dieser Seite ablegen oder einfügen

## Settings

target-label = Zielgröße (MB)
target-placeholder = keine Grenze
presets = Größenvorgaben
preset-source = Grenze laut { $source }, geprüft am { $checked }
preset-source-format = Grenze laut { $source }, geprüft am { $checked }; erzeugt { $format }
target-help = Videos, MP3- und M4A-Ton sowie JPEG- und WebP-Bilder werden nie größer als dieser Wert (0,05 sind 50 KB); andere Formate sagen in ihren Details, dass er für sie nicht gilt. Leer lassen, um stattdessen mit einer Qualitätsstufe umzuwandeln.
target-not-number = Die Zielgröße muss eine Zahl in Megabyte sein, etwa 10 oder 8,5.
target-too-small = Die Zielgröße muss mindestens 0,01 MB (10 KB) betragen.
format-label = Ausgabeformat
quality-label = Qualität
quality-help = Gilt, wenn keine Zielgröße gesetzt ist.
advanced = Erweiterte Optionen
advanced-defaults = alle auf Standard
max-height-label = Maximale Höhe
max-height-help = Höhere Videos und Bilder werden verkleinert, nie vergrößert.
max-width-label = Maximale Breite
max-width-help = Breitere Bilder werden verkleinert, die Form bleibt; nie vergrößert.
max-fps-label = Maximale Bildrate
max-fps-help = Bilder über dieser Rate werden verworfen (das Video läuft gleich schnell); weniger Bilder lassen jedem mehr vom Größenbudget.
codec-label = Videocodec
codec-help = AV1 erzeugt bei gleicher Qualität kleinere Dateien, kodiert vom Browser; ältere Player können sie nicht öffnen.
encoder-label = Encoder
encoder-help = Schnell nutzt die Videocodecs deines Browsers, um ein Vielfaches flotter; x264 holt bei knappem Budget etwas mehr Qualität heraus. Automatisch wählt je Datei.
remove-audio = Ton entfernen
keep-metadata = Foto-Metadaten behalten (Kamera, Ort)
keep-metadata-short = Metadaten behalten
trim-start = Schnitt Anfang
trim-end = Schnitt Ende
trim-start-placeholder = Anfang
trim-end-placeholder = Ende
trim-short = Schnitt { $start }–{ $end }
trim-start-not-a-time = Der Schnittanfang „{ $text }“ ist keine Zeit; schreibe ihn wie 1:05, 65 oder 1:02:03.5.
trim-end-not-a-time = Das Schnittende „{ $text }“ ist keine Zeit; schreibe es wie 1:05, 65 oder 1:02:03.5.
trim-end-before-start = Das Schnittende muss nach dem Schnittanfang liegen.
trim-help = Videos und Audio: nur diesen Teil behalten, als 1:05, 65 oder 1:02:03.5. Schnitte sind genau (der Teil wird neu kodiert, nie am nächsten Keyframe geschnitten). Leer behält die ganze Datei.
convert = Umwandeln

## Choices in the selects (the saved value stays the English label)

opt-automatic = Automatisch
opt-original = Original
opt-high = Hoch
opt-balanced = Ausgewogen
opt-small = Klein
opt-fast-browser-codecs = Schnell (Browser-Codecs)
opt-best-quality-x264 = Beste Qualität (x264)
opt-h-264-vp9-plays-everywhere = H.264 / VP9 (läuft überall)
opt-av1-smaller-recent-players = AV1 (kleiner, neuere Player)

## Queue

queue = Warteschlange
queue-updates = Neuigkeiten der Warteschlange
queue-empty = Noch keine Dateien. Füge welche hinzu, um zu beginnen.
download-all = Alle herunterladen
zip-preparing = ZIP wird vorbereitet…
zip-saved = { $count ->
    [one] ZIP mit { $count } Datei gespeichert.
   *[other] ZIP mit { $count } Dateien gespeichert.
}
zip-read-failed = Eine fertige Datei konnte nicht zurückgelesen werden.
zip-save-failed = Das ZIP konnte nicht gespeichert werden.
batch-progress = Fortschritt des Stapels
batch-done = Stapel: { $ended } von { $total } fertig
batch-stopped = ({ $stopped } fehlgeschlagen oder abgebrochen)
time-left = noch etwa { $time }
notify = Benachrichtigen, wenn der Stapel fertig ist
notify-unsupported = Dieser Browser kann keine Benachrichtigungen zeigen.
notify-denied = Benachrichtigungen sind für diese Seite in den Browsereinstellungen blockiert.
notify-background = Nur wenn dieser Tab im Hintergrund ist.
notify-title-finished = Tamp: Der Stapel ist fertig
notify-title-ready = { $count ->
    [one] Tamp: { $count } Datei bereit
   *[other] Tamp: { $count } Dateien bereit
}
notify-more = { $names } und { $count } weitere
notify-failed = { $count ->
    [one] { $count } Datei fehlgeschlagen.
   *[other] { $count } Dateien fehlgeschlagen.
}
unsaved-results = Du hast umgewandelte Dateien, die noch nicht heruntergeladen sind.

## A job

kind-detecting = wird erkannt…
kind-video = Video
kind-audio = Audio
kind-image = Bild
kind-unknown = unbekannt
remove = Entfernen
cancel = Abbrechen
retry = Erneut versuchen
waiting = Wartet…
cancelled = Abgebrochen
details = Details
progress = Fortschritt
elapsed = { $time } vergangen
speed = { $speed }× Echtzeit
plan = Plan: { $height }p · { $fps } fps · Qualität { $quality }
download = { $name } herunterladen
size-change = { $before } → { $after } ({ $change })
smaller = { $percent } % kleiner
larger = { $percent } % größer
larger-than-empty = größer
same-size = gleich groß
facts-change = { $before } → { $after }
facts-original = Original: { $facts }
facts-result = Ergebnis: { $facts }
options-for = Optionen für { $name }
own-settings = (eigene Einstellungen)
as-in-settings = Wie in den Einstellungen
for-file = für { $name }
job-target-label = Zielgröße
job-target-unit = (MB)
ready-announcement = { $input } ist fertig: { $output }, { $size } ({ $change })
failed-announcement = { $input } fehlgeschlagen: { $message }

## A job's step, why it waits, its plan (core says which message; the page writes it)

step-starting = Konverter wird gestartet
step-reading = Datei wird gelesen
step-analysing = Clip wird analysiert
step-pass-1 = Analyse (Durchgang 1 von 2)
step-pass-2 = Kodierung (Durchgang 2 von 2)
step-encoding = Kodierung
step-finishing = Abschluss
step-attempt = { $step }, Versuch { $attempt }
wait-one-video = Wartet: Dieses Gerät wandelt jeweils ein Video um.
wait-one-audio = Wartet: Dieses Gerät wandelt jeweils eine Audiodatei um.
wait-one-image = Wartet: Dieses Gerät wandelt jeweils ein Bild um.
wait-many-videos = { $count ->
    [one] Wartet: Dieses Gerät wandelt jeweils { $count } Video um.
   *[other] Wartet: Dieses Gerät wandelt jeweils { $count } Videos um.
}
wait-many-audio = { $count ->
    [one] Wartet: Dieses Gerät wandelt jeweils { $count } Audiodatei um.
   *[other] Wartet: Dieses Gerät wandelt jeweils { $count } Audiodateien um.
}
wait-many-images = { $count ->
    [one] Wartet: Dieses Gerät wandelt jeweils { $count } Bild um.
   *[other] Wartet: Dieses Gerät wandelt jeweils { $count } Bilder um.
}
wait-memory = Wartet auf Speicher: Die laufenden Aufträge brauchen ca. { $claimed } von { $budget }.
wait-ahead-video = Wartet: Ein großes Video weiter vorn braucht den Speicher (ca. { $size }).
wait-ahead-audio = Wartet: Eine große Audiodatei weiter vorn braucht den Speicher (ca. { $size }).
wait-ahead-image = Wartet: Ein großes Bild weiter vorn braucht den Speicher (ca. { $size }).
wait-running-video = Wartet: Ein großes Video wird umgewandelt (ca. { $size }).
wait-running-audio = Wartet: Eine große Audiodatei wird umgewandelt (ca. { $size }).
wait-running-image = Wartet: Ein großes Bild wird umgewandelt (ca. { $size }).
quality-low = gering
quality-fair = mäßig
quality-good = gut
quality-very-good = sehr gut

## Why FFmpeg could not read or convert a file (core's FailReason; FFmpeg's own lines stay in Details)

fail-no-index = Dieses Video ist unvollständig: Sein Index (moov atom) fehlt, meist weil die Aufnahme oder der Download abgebrochen wurde.
fail-cut-short = Diese Datei scheint abgeschnitten oder beschädigt und kann nicht vollständig gelesen werden.
fail-gone = Die Datei konnte nicht geöffnet werden; vielleicht wurde sie verschoben, umbenannt oder gelöscht.
fail-not-allowed = Der Browser durfte diese Datei nicht lesen. Wähle sie bitte noch einmal aus.
fail-memory-reading = Dem Gerät ging beim Lesen dieser Datei der Speicher aus. Schließe andere Tabs oder versuche es mit einer kleineren Datei.
fail-cannot-decode = Diese Datei nutzt ein Format oder einen Codec, den das FFmpeg dieser App nicht dekodieren kann.
fail-no-streams = Diese Datei enthält kein Video und keinen Ton, die wir nutzen können.
fail-not-media = Diese Datei ist kein lesbares Video, Audio oder Bild: Auch FFmpeg erkennt ihre Daten nicht.
fail-encrypted = Diese Datei ist geschützt (verschlüsselt) und kann nicht umgewandelt werden.
fail-ffmpeg-said = Die Datei konnte nicht gelesen werden. FFmpeg meldete: „{ $line }“
fail-no-reason = Die Datei konnte nicht gelesen werden, und FFmpeg nannte keinen Grund.
fail-memory-encoding = Dem Konverter ging bei dieser Datei der Speicher aus. Schließe andere Tabs oder versuche einen kürzeren Teil (Schnitt) oder eine kleinere Maximale Höhe.
fail-passes-differ = Die beiden Durchgänge der Kodierung auf Zielgröße sahen unterschiedliche Bilder dieser Datei, daher konnte der zweite die Analyse des ersten nicht nutzen.
fail-picture-changes = Das Bild ändert mitten in dieser Datei Größe oder Format, und der Konverter konnte dem nicht folgen.
fail-no-room = Dem Konverter ging der Platz für das Ergebnis aus.
fail-codec-named = Diese Datei nutzt einen Codec ({ $codec }), den das FFmpeg dieser App nicht dekodieren kann. Anderswo in H.264 als MP4 (oder ein gängiges Format) umgewandelt, klappt es hier.
fail-codec = Diese Datei nutzt einen Codec, den das FFmpeg dieser App nicht dekodieren kann. Anderswo in H.264 als MP4 (oder ein gängiges Format) umgewandelt, klappt es hier.
fail-no-encoder = Das FFmpeg dieser App hat keinen Encoder für diese Ausgabe. Wähle ein anderes Ausgabeformat.
fail-cannot-hold = Das Ausgabeformat kann einen der Datenströme dieser Datei nicht aufnehmen. Versuche MP4 oder MKV als Ausgabeformat.
fail-damaged = Die Daten dieser Datei sind dort beschädigt, wo FFmpeg sie dekodieren wollte, daher konnte sie nicht umgewandelt werden.
fail-other = Die Umwandlung ist fehlgeschlagen: FFmpeg brach mit einem Fehler ab (seine letzten Zeilen stehen unter Details).
fail-no-space = Nicht genug freier Speicher auf diesem Gerät für das Ergebnis: Es braucht etwa { $needed }, der Browser gewährt dieser Seite { $free }. Gib Speicher frei oder entferne fertige Dateien aus der Liste.
fail-handoff = Die Datei konnte nicht an den Konverter übergeben werden.
fail-silent = Der Konverter reagiert nicht mehr (seit { $seconds } s nichts). Für die nächste Datei wird er neu gestartet.
fail-crashed = Der Konverter ist abgestürzt ({ $detail }). Für die nächste Datei wird er neu gestartet.
fail-no-start = Der Konverter konnte in diesem Browser nicht gestartet werden.
fail-no-file = Der Konverter ist fertig, hat aber keine Datei geliefert.
fail-no-download = Das Ergebnis konnte nicht zum Herunterladen bereitgestellt werden.
fail-empty = Diese Datei ist leer (0 Bytes): Es gibt nichts umzuwandeln.
fail-unknown-data = Diese Datei ist keine Video-, Audio- oder Bilddatei, die wir lesen können (sie sieht aus wie: { $what }).
warn-ends-early = Die Datei endet zu früh: Die ersten { $saved } s wurden gespeichert (ihr Header gibt { $claimed } s an).
estimate-slider = Qualität von { $name }
estimate-size = Bei Qualität { $quality }: { $size }
estimate-running = Größe wird geschätzt …
estimate-failed = Die Größe konnte nicht geschätzt werden: { $message }

## Sizes (decimal units, as chat apps count them)

percent = { $n } %
size-b = { $n } B
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB
size-tb = { $n } TB
size-pb = { $n } PB

## Preview and Compare

preview = Vorschau: { $name }
preview-of = Vorschau von { $name }
preview-failed = Dieser Browser kann die Datei nicht zeigen; lade sie herunter, um sie anderswo zu öffnen.
compare = { $name } vergleichen
comparison-of = Vergleich von { $name }
compare-range = { $name } vergleichen: Original ← → umgewandelt
compare-value = { $original } % Original, { $converted } % umgewandelt
compare-caption = Original links, umgewandelt rechts: Trenner ziehen oder die Pfeiltasten nutzen.
compare-open-failed = Die Originaldatei konnte für den Vergleich nicht geöffnet werden.
compare-failed = Dieser Browser kann eine der beiden Dateien nicht nebeneinander zeigen.
original = Original
converted = Umgewandelt
play-both = Beide abspielen
pause-both = Beide anhalten

## Offline and updates

offline-ready = Bereit für die Arbeit offline
update = Aktualisierung
update-ready = Eine neue Version ist bereit.
reload = Neu laden
update-busy = Neu laden geht, sobald die laufende Umwandlung fertig ist.
update-clears-queue = Neu laden leert die Warteschlange: lade deine Ergebnisse zuerst herunter.
update-reload = Neu laden, um sie zu nutzen.
crashed = In Tamp ist etwas schiefgegangen, und es funktioniert nicht mehr. Deine Dateien haben dieses Gerät nie verlassen.
