# Texto de Tamp en español. Referencia: en.ftl (mismos mensajes, mismos marcadores).

## Page

page-title = Tamp: comprime y convierte en tu dispositivo
promise = Comprime y convierte archivos en tu dispositivo: no se sube nada.
files-heading = Archivos
drop-overlay = Suelta archivos para añadirlos
settings-heading = Ajustes
language = Idioma

## Adding files

add-files = Añadir archivos
add-folder = Añadir carpeta
add-hint = o suelta vídeos, audio, imágenes y carpetas en cualquier parte de esta página, o pégalos

## Settings

target-label = Tamaño objetivo (MB)
target-placeholder = sin límite
presets = Tamaños predefinidos
preset-source = Límite según { $source }, comprobado el { $checked }
preset-source-format = Límite según { $source }, comprobado el { $checked }; genera { $format }
target-help = Los vídeos, el sonido MP3 y M4A y las imágenes JPEG y WebP nunca salen más grandes que esto (0,05 son 50 KB); los demás formatos indican en sus detalles que no se les aplica. Déjalo vacío para convertir con un ajuste de calidad.
target-not-number = El tamaño objetivo debe ser un número de megabytes, como 10 u 8,5.
target-too-small = El tamaño objetivo debe ser de al menos 0,01 MB (10 KB).
format-label = Formato de salida
quality-label = Calidad
quality-help = Se usa cuando no hay tamaño objetivo.
advanced = Opciones avanzadas
advanced-defaults = todas por defecto
max-height-label = Altura máxima
max-height-help = Los vídeos e imágenes más altos se reducen; nunca se amplían.
max-width-label = Anchura máxima
max-width-help = Las imágenes más anchas se reducen conservando su forma; nunca se amplían.
max-fps-label = Fotogramas máximos
max-fps-help = Se descartan los fotogramas por encima de esta tasa (el vídeo dura lo mismo); menos fotogramas dejan más presupuesto de tamaño a cada uno.
codec-label = Códec de vídeo
codec-help = AV1 da archivos más pequeños con la misma calidad, codificados por tu navegador; los reproductores antiguos no los abren.
encoder-label = Codificador
encoder-help = Rápido usa los códecs de vídeo de tu navegador, varias veces más veloz; x264 saca algo más de calidad con presupuestos ajustados. Automático elige por archivo.
remove-audio = Quitar el audio
keep-metadata = Conservar metadatos de fotos (cámara, ubicación)
keep-metadata-short = Conservar metadatos
trim-start = Recortar inicio
trim-end = Recortar final
trim-start-placeholder = inicio
trim-end-placeholder = final
trim-short = Recorte { $start }–{ $end }
trim-start-not-a-time = El inicio del recorte «{ $text }» no es una hora; escríbelo como 1:05, 65 o 1:02:03.5.
trim-end-not-a-time = El final del recorte «{ $text }» no es una hora; escríbelo como 1:05, 65 o 1:02:03.5.
trim-end-before-start = El final del recorte debe ir después del inicio.
trim-help = Vídeo y audio: conserva solo esta parte, como 1:05, 65 o 1:02:03.5. Los cortes son exactos (la parte se vuelve a codificar, nunca se corta en el fotograma clave más cercano). Vacío conserva el archivo entero.
convert = Convertir

## Choices in the selects (the saved value stays the English label)

opt-automatic = Automático
opt-original = Original
opt-high = Alta
opt-balanced = Equilibrada
opt-small = Pequeña
opt-fast-browser-codecs = Rápido (códecs del navegador)
opt-best-quality-x264 = Máxima calidad (x264)
opt-h-264-vp9-plays-everywhere = H.264 / VP9 (se reproduce en todas partes)
opt-av1-smaller-recent-players = AV1 (más pequeño, reproductores recientes)

## Queue

queue = Cola
queue-updates = Novedades de la cola
queue-empty = Aún no hay archivos. Añade alguno para empezar.
download-all = Descargar todo
zip-preparing = Preparando el zip…
zip-saved = { $count ->
    [one] Zip guardado con { $count } archivo.
   *[other] Zip guardado con { $count } archivos.
}
zip-read-failed = No se pudo volver a leer un archivo terminado.
zip-save-failed = No se pudo guardar el zip.
batch-progress = Progreso del lote
batch-done = Lote: { $ended } de { $total } listos
batch-stopped = ({ $stopped } fallidos o cancelados)
time-left = quedan unos { $time }
notify = Avisarme cuando termine el lote
notify-unsupported = Este navegador no puede mostrar notificaciones.
notify-denied = Las notificaciones de este sitio están bloqueadas en los ajustes del navegador.
notify-background = Solo cuando esta pestaña esté en segundo plano.
notify-title-finished = Tamp: el lote ha terminado
notify-title-ready = { $count ->
    [one] Tamp: { $count } archivo listo
   *[other] Tamp: { $count } archivos listos
}
notify-more = { $names } y { $count } más
notify-failed = { $count ->
    [one] { $count } archivo ha fallado.
   *[other] { $count } archivos han fallado.
}
unsaved-results = Tienes archivos convertidos que aún no has descargado.

## A job

kind-detecting = detectando…
kind-video = vídeo
kind-audio = audio
kind-image = imagen
kind-unknown = desconocido
remove = Quitar
cancel = Cancelar
retry = Reintentar
waiting = En espera…
cancelled = Cancelado
details = Detalles
progress = Progreso
elapsed = { $time } transcurrido
speed = { $speed }× tiempo real
plan = Plan: { $height }p · { $fps } fps · calidad { $quality }
download = Descargar { $name }
size-change = { $before } → { $after } ({ $change })
smaller = { $percent } % más pequeño
larger = { $percent } % más grande
larger-than-empty = más grande
same-size = mismo tamaño
facts-change = { $before } → { $after }
facts-original = Original: { $facts }
facts-result = Resultado: { $facts }
options-for = Opciones de { $name }
own-settings = (ajustes propios)
as-in-settings = Como en los ajustes
for-file = de { $name }
job-target-label = Tamaño objetivo
job-target-unit = (MB)
ready-announcement = { $input } está listo: { $output }, { $size } ({ $change })
failed-announcement = { $input } ha fallado: { $message }

## A job's step, why it waits, its plan (core says which message; the page writes it)

step-starting = Iniciando el conversor
step-reading = Leyendo el archivo
step-analysing = Analizando el clip
step-pass-1 = Analizando (pasada 1 de 2)
step-pass-2 = Codificando (pasada 2 de 2)
step-encoding = Codificando
step-finishing = Terminando
step-attempt = { $step }, intento { $attempt }
wait-one-video = En espera: este dispositivo convierte un vídeo a la vez.
wait-one-audio = En espera: este dispositivo convierte un audio a la vez.
wait-one-image = En espera: este dispositivo convierte una imagen a la vez.
wait-many-videos = { $count ->
    [one] En espera: este dispositivo convierte { $count } vídeo a la vez.
   *[other] En espera: este dispositivo convierte { $count } vídeos a la vez.
}
wait-many-audio = { $count ->
    [one] En espera: este dispositivo convierte { $count } audio a la vez.
   *[other] En espera: este dispositivo convierte { $count } audios a la vez.
}
wait-many-images = { $count ->
    [one] En espera: este dispositivo convierte { $count } imagen a la vez.
   *[other] En espera: este dispositivo convierte { $count } imágenes a la vez.
}
wait-memory = Esperando memoria: los trabajos en curso necesitan aprox. { $claimed } de { $budget }.
wait-ahead-video = En espera: un vídeo grande que va antes necesita la memoria (aprox. { $size }).
wait-ahead-audio = En espera: un audio grande que va antes necesita la memoria (aprox. { $size }).
wait-ahead-image = En espera: una imagen grande que va antes necesita la memoria (aprox. { $size }).
wait-running-video = En espera: se está convirtiendo un vídeo grande (aprox. { $size }).
wait-running-audio = En espera: se está convirtiendo un audio grande (aprox. { $size }).
wait-running-image = En espera: se está convirtiendo una imagen grande (aprox. { $size }).
quality-low = baja
quality-fair = aceptable
quality-good = buena
quality-very-good = muy buena

## Why FFmpeg could not read or convert a file (core's FailReason; FFmpeg's own lines stay in Details)

fail-no-index = Este vídeo está incompleto: le falta el índice (moov atom), normalmente porque se interrumpió la grabación o la descarga.
fail-cut-short = Este archivo parece cortado o dañado, así que no se puede leer entero.
fail-gone = No se pudo abrir el archivo; puede que se haya movido, renombrado o borrado.
fail-not-allowed = El navegador no pudo leer este archivo. Prueba a elegirlo de nuevo.
fail-memory-reading = El dispositivo se quedó sin memoria al leer este archivo. Cierra otras pestañas o prueba con un archivo más pequeño.
fail-cannot-decode = Este archivo usa un formato o códec que el FFmpeg de esta app no puede decodificar.
fail-no-streams = Este archivo no tiene vídeo ni audio que podamos usar.
fail-not-media = Este archivo no es un vídeo, audio ni imagen que podamos leer: FFmpeg tampoco reconoce sus datos.
fail-encrypted = Este archivo está protegido (cifrado), así que no se puede convertir.
fail-ffmpeg-said = No se pudo leer el archivo. FFmpeg dijo: «{ $line }»
fail-no-reason = No se pudo leer el archivo y FFmpeg no dio ningún motivo.
fail-memory-encoding = El conversor se quedó sin memoria con este archivo. Cierra otras pestañas o prueba con un trozo más corto (Recortar) o una Altura máxima menor.
fail-passes-differ = Las dos pasadas de la codificación con tamaño objetivo vieron fotogramas distintos de este archivo, así que la segunda no pudo usar el análisis de la primera.
fail-picture-changes = La imagen cambia de tamaño o de formato a mitad de este archivo y el conversor no pudo seguirla.
fail-no-room = El conversor se quedó sin espacio para el resultado.
fail-codec-named = Este archivo usa un códec ({ $codec }) que el FFmpeg de esta app no puede decodificar. Convertirlo antes a H.264 en MP4 (o cualquier formato común) en otro sitio funcionaría aquí.
fail-codec = Este archivo usa un códec que el FFmpeg de esta app no puede decodificar. Convertirlo antes a H.264 en MP4 (o cualquier formato común) en otro sitio funcionaría aquí.
fail-no-encoder = El FFmpeg de esta app no tiene codificador para esa salida. Elige otro Formato de salida.
fail-cannot-hold = El formato de salida no admite uno de los flujos de este archivo. Prueba MP4 o MKV como Formato de salida.
fail-damaged = Los datos de este archivo están dañados donde FFmpeg intentó decodificarlos, así que no se pudo convertir.
fail-other = La conversión falló: FFmpeg se detuvo con un error (sus últimas líneas están en Detalles).
fail-no-space = No hay espacio libre suficiente en este dispositivo para el resultado: necesita unos { $needed } y el navegador concede a este sitio { $free }. Libera espacio o quita de la lista los archivos terminados.
fail-handoff = No se pudo entregar el archivo al conversor.
fail-silent = El conversor dejó de responder (nada en { $seconds } s). Se reiniciará para el siguiente archivo.
fail-crashed = El conversor falló ({ $detail }). Se reiniciará para el siguiente archivo.
fail-no-start = No se pudo iniciar el conversor en este navegador.
fail-no-file = El conversor terminó, pero no envió ningún archivo.
fail-no-download = No se pudo preparar el resultado para descargarlo.
fail-empty = Este archivo está vacío (0 bytes): no hay nada que convertir.
fail-unknown-data = Este archivo no es un vídeo, audio o imagen que podamos leer (parece: { $what }).
warn-ends-early = El archivo termina antes de tiempo: se guardaron los primeros { $saved } s (su cabecera indica { $claimed } s).
estimate-slider = Calidad de { $name }
estimate-size = Con calidad { $quality }: { $size }
estimate-running = Calculando el tamaño…
estimate-failed = No se pudo calcular el tamaño: { $message }

## Sizes (decimal units, as chat apps count them)

percent = { $n } %
size-b = { $n } B
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB
size-tb = { $n } TB
size-pb = { $n } PB

## Preview and Compare

preview = Vista previa de { $name }
preview-of = Vista previa de { $name }
preview-failed = Este navegador no puede mostrar este archivo; descárgalo para abrirlo en otro sitio.
compare = Comparar { $name }
comparison-of = Comparación de { $name }
compare-range = Comparar { $name }: original ← → convertido
compare-value = { $original } % original, { $converted } % convertido
compare-caption = Original a la izquierda, convertido a la derecha: arrastra el divisor o usa las flechas.
compare-open-failed = No se pudo abrir el archivo original para compararlo.
compare-failed = Este navegador no puede mostrar uno de los dos archivos lado a lado.
original = Original
converted = Convertido
play-both = Reproducir ambos
pause-both = Pausar ambos

## Offline and updates

offline-ready = Listo para trabajar sin conexión
update = Actualización
update-ready = Hay una versión nueva lista.
reload = Recargar
update-busy = Podrás recargar cuando termine la conversión en curso.
update-clears-queue = Recargar vacía la cola: descarga antes tus resultados.
update-reload = Recarga para usarla.
crashed = Algo ha fallado dentro de Tamp y ha dejado de funcionar. Tus archivos nunca han salido de este dispositivo.
