# Texte français de Tamp. Référence : en.ftl (mêmes messages, mêmes paramètres).

## Page

page-title = Tamp – compresser et convertir sur votre appareil
promise = Compressez et convertissez vos fichiers sur votre appareil : rien n’est envoyé.
files-heading = Fichiers
drop-overlay = Déposez des fichiers pour les ajouter
settings-heading = Réglages
language = Langue

## Adding files

add-files = Ajouter des fichiers
add-folder = Ajouter un dossier
add-hint = ou déposez vidéos, sons, images et dossiers n’importe où sur cette page, ou collez-les

## Settings

target-label = Taille visée (Mo)
target-placeholder = sans limite
presets = Tailles prédéfinies
preset-source = Limite selon { $source }, vérifiée le { $checked }
preset-source-format = Limite selon { $source }, vérifiée le { $checked } ; produit du { $format }
target-help = Les vidéos, le son MP3 et M4A et les images JPEG et WebP ne dépassent jamais cette taille (0,05 fait 50 Ko) ; les autres formats indiquent dans leurs détails qu’elle ne s’applique pas. Laissez vide pour convertir selon un réglage de qualité.
target-not-number = La taille visée doit être un nombre de mégaoctets, comme 10 ou 8,5.
target-too-small = La taille visée doit être d’au moins 0,01 Mo (10 Ko).
format-label = Format de sortie
quality-label = Qualité
quality-help = Utilisée quand aucune taille n’est visée.
advanced = Options avancées
advanced-defaults = toutes par défaut
max-height-label = Hauteur max.
max-height-help = Les vidéos et images plus hautes sont réduites, jamais agrandies.
max-width-label = Largeur max.
max-width-help = Les images plus larges sont réduites en gardant leurs proportions, jamais agrandies.
max-fps-label = Cadence max.
max-fps-help = Les images au-delà de cette cadence sont supprimées (la vidéo garde sa vitesse) ; moins d’images laissent plus de place à chacune.
codec-label = Codec vidéo
codec-help = AV1 donne des fichiers plus petits à qualité égale, encodés par votre navigateur ; les anciens lecteurs ne les ouvrent pas.
encoder-label = Encodeur
encoder-help = Rapide utilise les codecs vidéo de votre navigateur, plusieurs fois plus vite ; x264 tire un peu plus de qualité des budgets serrés. Automatique choisit pour chaque fichier.
remove-audio = Retirer le son
keep-metadata = Garder les métadonnées photo (appareil, lieu)
keep-metadata-short = Métadonnées gardées
trim-start = Début de la coupe
trim-end = Fin de la coupe
trim-start-placeholder = début
trim-end-placeholder = fin
trim-short = Coupe { $start }–{ $end }
trim-start-not-a-time = Le début de coupe « { $text } » n’est pas une durée ; écrivez-le comme 1:05, 65 ou 1:02:03.5.
trim-end-not-a-time = La fin de coupe « { $text } » n’est pas une durée ; écrivez-la comme 1:05, 65 ou 1:02:03.5.
trim-end-before-start = La fin de la coupe doit venir après son début.
trim-help = Vidéos et sons : ne garder que cette partie, sous la forme 1:05, 65 ou 1:02:03.5. Les coupes sont exactes (la partie est réencodée, jamais coupée à l’image clé la plus proche). Vide garde tout le fichier.
convert = Convertir

## Choices in the selects (the saved value stays the English label)

opt-automatic = Automatique
opt-original = Originale
opt-high = Haute
opt-balanced = Équilibrée
opt-small = Petite
opt-fast-browser-codecs = Rapide (codecs du navigateur)
opt-best-quality-x264 = Meilleure qualité (x264)
opt-h-264-vp9-plays-everywhere = H.264 / VP9 (lisible partout)
opt-av1-smaller-recent-players = AV1 (plus petit, lecteurs récents)

## Queue

queue = File d’attente
queue-updates = Nouvelles de la file d’attente
queue-empty = Aucun fichier pour l’instant. Ajoutez-en pour commencer.
download-all = Tout télécharger
zip-preparing = Préparation du zip…
zip-saved = { $count ->
    [one] Zip de { $count } fichier enregistré.
   *[other] Zip de { $count } fichiers enregistré.
}
zip-read-failed = Un fichier terminé n’a pas pu être relu.
zip-save-failed = Le zip n’a pas pu être enregistré.
batch-progress = Progression du lot
batch-done = Lot : { $ended } sur { $total } terminés
batch-stopped = ({ $stopped } en échec ou annulés)
time-left = encore { $time } environ
notify = Me prévenir quand le lot est terminé
notify-unsupported = Ce navigateur ne peut pas afficher de notifications.
notify-denied = Les notifications de ce site sont bloquées dans les réglages du navigateur.
notify-background = Seulement quand cet onglet est en arrière-plan.
notify-title-finished = Tamp : le lot est terminé
notify-title-ready = { $count ->
    [one] Tamp : { $count } fichier prêt
   *[other] Tamp : { $count } fichiers prêts
}
notify-more = { $names } et { $count } de plus
notify-failed = { $count ->
    [one] { $count } fichier en échec.
   *[other] { $count } fichiers en échec.
}
unsaved-results = Vous avez des fichiers convertis qui ne sont pas encore téléchargés.

## A job

kind-detecting = détection…
kind-video = vidéo
kind-audio = son
kind-image = image
kind-unknown = inconnu
remove = Retirer
cancel = Annuler
retry = Réessayer
waiting = En attente…
cancelled = Annulé
details = Détails
progress = Progression
elapsed = { $time } écoulé
speed = { $speed }× le temps réel
plan = Plan : { $height }p · { $fps } i/s · qualité { $quality }
download = Télécharger { $name }
size-change = { $before } → { $after } ({ $change })
smaller = { $percent } % plus petit
larger = { $percent } % plus grand
larger-than-empty = plus grand
same-size = même taille
facts-change = { $before } → { $after }
facts-original = Original : { $facts }
facts-result = Résultat : { $facts }
options-for = Options de { $name }
own-settings = (réglages propres)
as-in-settings = Comme dans les réglages
for-file = pour { $name }
job-target-label = Taille visée
job-target-unit = (Mo)
ready-announcement = { $input } est prêt : { $output }, { $size } ({ $change })
failed-announcement = { $input } a échoué : { $message }

## A job's step, why it waits, its plan (core says which message; the page writes it)

step-starting = Démarrage du convertisseur
step-reading = Lecture du fichier
step-analysing = Analyse du clip
step-pass-1 = Analyse (passe 1 sur 2)
step-pass-2 = Encodage (passe 2 sur 2)
step-encoding = Encodage
step-finishing = Finalisation
step-attempt = { $step }, essai { $attempt }
wait-one-video = En attente : cet appareil convertit une vidéo à la fois.
wait-one-audio = En attente : cet appareil convertit un fichier son à la fois.
wait-one-image = En attente : cet appareil convertit une image à la fois.
wait-many-videos = { $count ->
    [one] En attente : cet appareil convertit { $count } vidéo à la fois.
   *[other] En attente : cet appareil convertit { $count } vidéos à la fois.
}
wait-many-audio = { $count ->
    [one] En attente : cet appareil convertit { $count } fichier son à la fois.
   *[other] En attente : cet appareil convertit { $count } fichiers son à la fois.
}
wait-many-images = { $count ->
    [one] En attente : cet appareil convertit { $count } image à la fois.
   *[other] En attente : cet appareil convertit { $count } images à la fois.
}
wait-memory = En attente de mémoire : les tâches en cours demandent env. { $claimed } sur { $budget }.
wait-ahead-video = En attente : une grande vidéo placée avant a besoin de la mémoire (env. { $size }).
wait-ahead-audio = En attente : un gros fichier son placé avant a besoin de la mémoire (env. { $size }).
wait-ahead-image = En attente : une grande image placée avant a besoin de la mémoire (env. { $size }).
wait-running-video = En attente : une grande vidéo est en cours (env. { $size }).
wait-running-audio = En attente : un gros fichier son est en cours (env. { $size }).
wait-running-image = En attente : une grande image est en cours (env. { $size }).
quality-low = faible
quality-fair = passable
quality-good = bonne
quality-very-good = très bonne

## Why FFmpeg could not read or convert a file (core's FailReason; FFmpeg's own lines stay in Details)

fail-no-index = Cette vidéo est incomplète : son index (moov atom) manque, le plus souvent parce que l’enregistrement ou le téléchargement a été interrompu.
fail-cut-short = Ce fichier semble tronqué ou endommagé : il ne peut pas être lu en entier.
fail-gone = Le fichier n’a pas pu être ouvert ; il a peut-être été déplacé, renommé ou supprimé.
fail-not-allowed = Le navigateur n’a pas été autorisé à lire ce fichier. Choisissez-le de nouveau.
fail-memory-reading = L’appareil a manqué de mémoire en lisant ce fichier. Fermez d’autres onglets ou essayez un fichier plus petit.
fail-cannot-decode = Ce fichier utilise un format ou un codec que le FFmpeg de cette appli ne sait pas décoder.
fail-no-streams = Ce fichier ne contient ni vidéo ni son utilisables.
fail-not-media = Ce fichier n’est pas une vidéo, un son ou une image lisible : FFmpeg ne reconnaît pas non plus ses données.
fail-encrypted = Ce fichier est protégé (chiffré) : il ne peut pas être converti.
fail-ffmpeg-said = Le fichier n’a pas pu être lu. FFmpeg a dit : « { $line } »
fail-no-reason = Le fichier n’a pas pu être lu, et FFmpeg n’a donné aucune raison.
fail-memory-encoding = Le convertisseur a manqué de mémoire sur ce fichier. Fermez d’autres onglets, ou essayez une partie plus courte (Coupe) ou une Hauteur max. plus petite.
fail-passes-differ = Les deux passes de l’encodage à taille visée ont vu des images différentes de ce fichier : la seconde n’a pas pu utiliser l’analyse de la première.
fail-picture-changes = L’image change de taille ou de format en cours de fichier, et le convertisseur n’a pas pu suivre.
fail-no-room = Le convertisseur a manqué de place pour le résultat.
fail-codec-named = Ce fichier utilise un codec ({ $codec }) que le FFmpeg de cette appli ne sait pas décoder. Converti ailleurs en H.264 dans un MP4 (ou tout format courant), il passera ici.
fail-codec = Ce fichier utilise un codec que le FFmpeg de cette appli ne sait pas décoder. Converti ailleurs en H.264 dans un MP4 (ou tout format courant), il passera ici.
fail-no-encoder = Le FFmpeg de cette appli n’a pas d’encodeur pour cette sortie. Choisissez un autre Format de sortie.
fail-cannot-hold = Le format de sortie ne peut pas contenir l’un des flux de ce fichier. Essayez MP4 ou MKV comme Format de sortie.
fail-damaged = Les données de ce fichier sont endommagées là où FFmpeg a voulu les décoder : il n’a pas pu être converti.
fail-other = La conversion a échoué : FFmpeg s’est arrêté sur une erreur (ses dernières lignes sont dans Détails).
fail-no-space = Pas assez d’espace libre sur cet appareil pour le résultat : il faut environ { $needed }, et le navigateur accorde { $free } à ce site. Libérez de l’espace ou retirez de la liste les fichiers terminés.
fail-handoff = Le fichier n’a pas pu être transmis au convertisseur.
fail-silent = Le convertisseur ne répond plus (rien depuis { $seconds } s). Il sera redémarré pour le fichier suivant.
fail-crashed = Le convertisseur a planté ({ $detail }). Il sera redémarré pour le fichier suivant.
fail-no-start = Le convertisseur n’a pas pu démarrer dans ce navigateur.
fail-no-file = Le convertisseur a terminé sans envoyer de fichier.
fail-no-download = Le résultat n’a pas pu être rendu téléchargeable.
fail-empty = Ce fichier est vide (0 octet) : il n’y a rien à convertir.
fail-unknown-data = Ce fichier n’est pas une vidéo, un son ou une image que nous savons lire (il ressemble à : { $what }).
warn-ends-early = Le fichier s’arrête trop tôt : les { $saved } premières secondes ont été gardées (son en-tête annonce { $claimed } s).
estimate-slider = Qualité de { $name }
estimate-size = En qualité { $quality } : { $size }
estimate-running = Estimation de la taille…
estimate-failed = La taille n’a pas pu être estimée : { $message }

## Sizes (decimal units, as chat apps count them)

percent = { $n } %
size-b = { $n } o
size-kb = { $n } Ko
size-mb = { $n } Mo
size-gb = { $n } Go
size-tb = { $n } To
size-pb = { $n } Po

## Preview and Compare

preview = Aperçu de { $name }
preview-of = Aperçu de { $name }
preview-failed = Ce navigateur ne peut pas afficher ce fichier ; téléchargez-le pour l’ouvrir ailleurs.
compare = Comparer { $name }
comparison-of = Comparaison de { $name }
compare-range = Comparer { $name } : original ← → converti
compare-value = { $original } % original, { $converted } % converti
compare-caption = L’original à gauche, le converti à droite : faites glisser le séparateur ou utilisez les flèches.
compare-open-failed = Le fichier original n’a pas pu être ouvert pour la comparaison.
compare-failed = Ce navigateur ne peut pas afficher l’un des deux fichiers côte à côte.
original = Original
converted = Converti
play-both = Lire les deux
pause-both = Mettre les deux en pause

## Offline and updates

offline-ready = Prêt à fonctionner hors ligne
update = Mise à jour
update-ready = Une nouvelle version est prête.
reload = Recharger
update-busy = Le rechargement sera possible à la fin de la conversion en cours.
update-clears-queue = Recharger vide la file d’attente : téléchargez d’abord vos résultats.
update-reload = Rechargez pour l’utiliser.
crashed = Un problème est survenu dans Tamp, qui s’est arrêté. Vos fichiers n’ont jamais quitté cet appareil.
