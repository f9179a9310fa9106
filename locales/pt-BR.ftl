# Texto do Tamp em português do Brasil. Referência: en.ftl (mesmas mensagens e variáveis).

## Page

page-title = Tamp — comprima e converta no seu dispositivo
promise = Comprima e converta arquivos no seu dispositivo — nada é enviado.
files-heading = Arquivos
drop-overlay = Solte arquivos para adicioná-los
settings-heading = Configurações
language = Idioma

## Adding files

add-files = Adicionar arquivos
add-folder = Adicionar pasta
add-hint = ou solte vídeos, áudios, imagens e pastas em qualquer lugar desta página, ou cole-os

## Settings

target-label = Tamanho-alvo (MB)
target-placeholder = sem limite
presets = Tamanhos prontos
preset-source = Limite segundo { $source }, conferido em { $checked }
preset-source-format = Limite segundo { $source }, conferido em { $checked }; gera { $format }
target-help = Vídeos, som MP3 e M4A e imagens JPEG e WebP nunca saem maiores que isto (0,05 são 50 KB); os outros formatos dizem nos detalhes que ele não se aplica. Deixe vazio para converter por um nível de qualidade.
target-not-number = O tamanho-alvo deve ser um número de megabytes, como 10 ou 8,5.
target-too-small = O tamanho-alvo deve ser de pelo menos 0,01 MB (10 KB).
format-label = Formato de saída
quality-label = Qualidade
quality-help = Usada quando não há tamanho-alvo.
advanced = Opções avançadas
advanced-defaults = todas no padrão
max-height-label = Altura máxima
max-height-help = Vídeos e imagens mais altos são reduzidos; nunca ampliados.
max-width-label = Largura máxima
max-width-help = Imagens mais largas são reduzidas, mantendo a proporção; nunca ampliadas.
max-fps-label = Taxa de quadros máx.
max-fps-help = Quadros acima desta taxa são descartados (o vídeo mantém a velocidade); menos quadros deixam mais do orçamento para cada um.
codec-label = Codec de vídeo
codec-help = AV1 gera arquivos menores com a mesma qualidade, codificados pelo navegador; players antigos não os abrem.
encoder-label = Codificador
encoder-help = Rápido usa os codecs de vídeo do seu navegador, várias vezes mais ágil; x264 tira um pouco mais de qualidade de orçamentos apertados. Automático escolhe por arquivo.
remove-audio = Remover áudio
keep-metadata = Manter metadados da foto (câmera, local)
keep-metadata-short = Manter metadados
trim-start = Início do corte
trim-end = Fim do corte
trim-start-placeholder = início
trim-end-placeholder = fim
trim-short = Corte { $start }–{ $end }
trim-start-not-a-time = O início do corte "{ $text }" não é um tempo; escreva como 1:05, 65 ou 1:02:03.5.
trim-end-not-a-time = O fim do corte "{ $text }" não é um tempo; escreva como 1:05, 65 ou 1:02:03.5.
trim-end-before-start = O fim do corte deve vir depois do início.
trim-help = Vídeo e áudio: mantém só esta parte, como 1:05, 65 ou 1:02:03.5. Os cortes são exatos (a parte é recodificada, nunca cortada no quadro-chave mais próximo). Vazio mantém o arquivo inteiro.
convert = Converter

## Choices in the selects (the saved value stays the English label)

opt-automatic = Automático
opt-original = Original
opt-high = Alta
opt-balanced = Equilibrada
opt-small = Pequena
opt-fast-browser-codecs = Rápido (codecs do navegador)
opt-best-quality-x264 = Melhor qualidade (x264)
opt-h-264-vp9-plays-everywhere = H.264 / VP9 (toca em qualquer lugar)
opt-av1-smaller-recent-players = AV1 (menor, players recentes)

## Queue

queue = Fila
queue-updates = Novidades da fila
queue-empty = Nenhum arquivo ainda. Adicione alguns para começar.
download-all = Baixar tudo
zip-preparing = Preparando o zip…
zip-saved = { $count ->
    [one] Zip com { $count } arquivo salvo.
   *[other] Zip com { $count } arquivos salvo.
}
zip-read-failed = Não foi possível ler de volta um arquivo pronto.
zip-save-failed = Não foi possível salvar o zip.
batch-progress = Progresso do lote
batch-done = Lote: { $ended } de { $total } prontos
batch-stopped = ({ $stopped } com falha ou cancelados)
time-left = faltam cerca de { $time }
notify = Avisar quando o lote terminar
notify-unsupported = Este navegador não mostra notificações.
notify-denied = As notificações deste site estão bloqueadas nas configurações do navegador.
notify-background = Só quando esta aba estiver em segundo plano.
notify-title-finished = Tamp: o lote terminou
notify-title-ready = { $count ->
    [one] Tamp: { $count } arquivo pronto
   *[other] Tamp: { $count } arquivos prontos
}
notify-more = { $names } e mais { $count }
notify-failed = { $count ->
    [one] { $count } arquivo falhou.
   *[other] { $count } arquivos falharam.
}
unsaved-results = Você tem arquivos convertidos que ainda não foram baixados.

## A job

kind-detecting = detectando…
kind-video = vídeo
kind-audio = áudio
kind-image = imagem
kind-unknown = desconhecido
remove = Remover
cancel = Cancelar
retry = Tentar de novo
waiting = Aguardando…
cancelled = Cancelado
details = Detalhes
progress = Progresso
elapsed = { $time } decorrido
speed = { $speed }× o tempo real
plan = Plano: { $height }p · { $fps } fps · qualidade { $quality }
download = Baixar { $name }
size-change = { $before } → { $after } ({ $change })
smaller = { $percent }% menor
larger = { $percent }% maior
larger-than-empty = maior
same-size = mesmo tamanho
facts-change = { $before } → { $after }
facts-original = Original: { $facts }
facts-result = Resultado: { $facts }
options-for = Opções de { $name }
own-settings = (configurações próprias)
as-in-settings = Como nas configurações
for-file = de { $name }
job-target-label = Tamanho-alvo
job-target-unit = (MB)
ready-announcement = { $input } está pronto: { $output }, { $size } ({ $change })
failed-announcement = { $input } falhou: { $message }

## A job's step, why it waits, its plan (core says which message; the page writes it)

step-starting = Iniciando o conversor
step-reading = Lendo o arquivo
step-analysing = Analisando o clipe
step-pass-1 = Analisando (passagem 1 de 2)
step-pass-2 = Codificando (passagem 2 de 2)
step-encoding = Codificando
step-finishing = Finalizando
step-attempt = { $step }, tentativa { $attempt }
wait-one-video = Aguardando: este aparelho converte um vídeo por vez.
wait-one-audio = Aguardando: este aparelho converte um áudio por vez.
wait-one-image = Aguardando: este aparelho converte uma imagem por vez.
wait-many-videos = { $count ->
    [one] Aguardando: este aparelho converte { $count } vídeo por vez.
   *[other] Aguardando: este aparelho converte { $count } vídeos por vez.
}
wait-many-audio = { $count ->
    [one] Aguardando: este aparelho converte { $count } áudio por vez.
   *[other] Aguardando: este aparelho converte { $count } áudios por vez.
}
wait-many-images = { $count ->
    [one] Aguardando: este aparelho converte { $count } imagem por vez.
   *[other] Aguardando: este aparelho converte { $count } imagens por vez.
}
wait-memory = Aguardando memória: as tarefas em andamento precisam de aprox. { $claimed } de { $budget }.
wait-ahead-video = Aguardando: um vídeo grande na frente na fila precisa da memória (aprox. { $size }).
wait-ahead-audio = Aguardando: um áudio grande na frente na fila precisa da memória (aprox. { $size }).
wait-ahead-image = Aguardando: uma imagem grande na frente na fila precisa da memória (aprox. { $size }).
wait-running-video = Aguardando: um vídeo grande está sendo convertido (aprox. { $size }).
wait-running-audio = Aguardando: um áudio grande está sendo convertido (aprox. { $size }).
wait-running-image = Aguardando: uma imagem grande está sendo convertida (aprox. { $size }).
quality-low = baixa
quality-fair = razoável
quality-good = boa
quality-very-good = muito boa

## Why FFmpeg could not read or convert a file (core's FailReason; FFmpeg's own lines stay in Details)

fail-no-index = Este vídeo está incompleto: falta o índice (moov atom), geralmente porque a gravação ou o download foi interrompido.
fail-cut-short = Este arquivo parece cortado ou danificado, então não pode ser lido por inteiro.
fail-gone = Não foi possível abrir o arquivo; talvez ele tenha sido movido, renomeado ou excluído.
fail-not-allowed = O navegador não teve permissão para ler este arquivo. Tente escolhê-lo de novo.
fail-memory-reading = O aparelho ficou sem memória ao ler este arquivo. Feche outras abas ou tente um arquivo menor.
fail-cannot-decode = Este arquivo usa um formato ou codec que o FFmpeg deste app não consegue decodificar.
fail-no-streams = Este arquivo não tem vídeo nem áudio que possamos usar.
fail-not-media = Este arquivo não é um vídeo, áudio ou imagem que conseguimos ler: o FFmpeg também não reconhece os dados.
fail-encrypted = Este arquivo é protegido (criptografado), então não pode ser convertido.
fail-ffmpeg-said = Não foi possível ler o arquivo. O FFmpeg disse: “{ $line }”
fail-no-reason = Não foi possível ler o arquivo, e o FFmpeg não deu motivo.
fail-memory-encoding = O conversor ficou sem memória neste arquivo. Feche outras abas ou tente um trecho menor (Corte) ou uma Altura máxima menor.
fail-passes-differ = As duas passagens da codificação com tamanho-alvo viram quadros diferentes deste arquivo, então a segunda não pôde usar a análise da primeira.
fail-picture-changes = A imagem muda de tamanho ou formato no meio deste arquivo, e o conversor não conseguiu acompanhar.
fail-no-room = O conversor ficou sem espaço para o resultado.
fail-codec-named = Este arquivo usa um codec ({ $codec }) que o FFmpeg deste app não consegue decodificar. Convertido antes em outro lugar para H.264 em MP4 (ou qualquer formato comum), ele funcionaria aqui.
fail-codec = Este arquivo usa um codec que o FFmpeg deste app não consegue decodificar. Convertido antes em outro lugar para H.264 em MP4 (ou qualquer formato comum), ele funcionaria aqui.
fail-no-encoder = O FFmpeg deste app não tem codificador para essa saída. Escolha outro Formato de saída.
fail-cannot-hold = O formato de saída não comporta um dos fluxos deste arquivo. Tente MP4 ou MKV como Formato de saída.
fail-damaged = Os dados deste arquivo estão danificados onde o FFmpeg tentou decodificá-los, então ele não pôde ser convertido.
fail-other = A conversão falhou: o FFmpeg parou com um erro (as últimas linhas estão em Detalhes).
fail-no-space = Não há espaço livre suficiente neste dispositivo para o resultado: ele precisa de cerca de { $needed }, e o navegador concede { $free } a este site. Libere espaço ou remova da lista os arquivos prontos.
fail-handoff = Não foi possível entregar o arquivo ao conversor.
fail-silent = O conversor parou de responder (nada por { $seconds } s). Ele será reiniciado para o próximo arquivo.
fail-crashed = O conversor travou ({ $detail }). Ele será reiniciado para o próximo arquivo.
fail-no-start = Não foi possível iniciar o conversor neste navegador.
fail-no-file = O conversor terminou, mas não enviou nenhum arquivo.
fail-no-download = Não foi possível deixar o resultado pronto para baixar.
fail-empty = Este arquivo está vazio (0 bytes): não há nada para converter.
fail-unknown-data = Este arquivo não é um vídeo, áudio ou imagem que conseguimos ler (parece: { $what }).
warn-ends-early = O arquivo termina antes da hora: foram salvos os primeiros { $saved } s (o cabeçalho diz { $claimed } s).
estimate-slider = Qualidade de { $name }
estimate-size = Com qualidade { $quality }: { $size }
estimate-running = Estimando o tamanho…
estimate-failed = Não foi possível estimar o tamanho: { $message }

## Sizes (decimal units, as chat apps count them)

percent = { $n }%
size-b = { $n } B
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB
size-tb = { $n } TB
size-pb = { $n } PB

## Preview and Compare

preview = Prévia de { $name }
preview-of = Prévia de { $name }
preview-failed = Este navegador não consegue mostrar este arquivo; baixe-o para abrir em outro lugar.
compare = Comparar { $name }
comparison-of = Comparação de { $name }
compare-range = Comparar { $name }: original ← → convertido
compare-value = { $original }% original, { $converted }% convertido
compare-caption = Original à esquerda, convertido à direita: arraste o divisor ou use as setas.
compare-open-failed = Não foi possível abrir o arquivo original para comparar.
compare-failed = Este navegador não consegue mostrar um dos dois arquivos lado a lado.
original = Original
converted = Convertido
play-both = Reproduzir ambos
pause-both = Pausar ambos

## Offline and updates

offline-ready = Pronto para funcionar offline
update = Atualização
update-ready = Uma nova versão está pronta.
reload = Recarregar
update-busy = Será possível recarregar quando a conversão em andamento terminar.
update-clears-queue = Recarregar esvazia a fila: baixe seus resultados antes.
update-reload = Recarregue para usá-la.
crashed = Algo deu errado dentro do Tamp e ele parou de funcionar. Seus arquivos nunca saíram deste dispositivo.
