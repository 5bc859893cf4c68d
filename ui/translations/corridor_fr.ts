<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>an unexpected error (%1)</source>
        <translation>une erreur inattendue (%1)</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>this installation offers no demo venue</source>
        <translation>cette installation ne propose pas de forum de démonstration</translation>
    </message>
    <message>
        <source>Preparing the demo venue (an embedded relay on 127.0.0.1, several missions, channels of every kind)…</source>
        <translation>Préparation du forum de démonstration (un relais intégré sur 127.0.0.1, plusieurs missions, des canaux de tous types)…</translation>
    </message>
    <message>
        <source>(demo venue)</source>
        <translation>(forum de démonstration)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this device&apos;s key file. Try again.</source>
        <translation>Phrase secrète incorrecte&#xa0;: elle n&apos;ouvre pas le fichier de clés de cet appareil. Réessayez.</translation>
    </message>
    <message>
        <source>You are %1 (%2) of %3.</source>
        <translation>Vous êtes %1 (%2), de la mission %3.</translation>
    </message>
    <message>
        <source>Your certificate is valid until %1.</source>
        <translation>Votre certificat est valide jusqu&apos;au %1.</translation>
    </message>
    <message>
        <source>Venue root (pinned): %1</source>
        <translation>Racine du forum (épinglée)&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not open Corridor: %1</source>
        <translation>Impossible d&apos;ouvrir Corridor&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not open the venue in %1: %2</source>
        <translation>Impossible d&apos;ouvrir le forum dans %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Attach</name>
    <message>
        <source>Send a file</source>
        <translation>Envoyer un fichier</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Aperçu de %1</translation>
    </message>
    <message>
        <source>Send “%1” (%2) to “%3”? Everyone in the channel can download it; it cannot be recalled from their devices.</source>
        <translation>Envoyer « %1 » (%2) dans « %3 » ? Tous les membres du canal pourront le télécharger ; il ne pourra pas être retiré de leurs appareils.</translation>
    </message>
    <message>
        <source>&amp;Caption (optional):</source>
        <translation>&amp;Légende (facultative) :</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>A backup holds the history of every channel, not this device&apos;s key nor its encryption state: a restored device is a new device. Its history from before is restored as readable, verified pages in its archive folder; once your mission&apos;s devices have added it, it reads new messages in every channel.</source>
        <translation>Une sauvegarde contient l’historique de chaque canal, pas la clé de cet appareil ni son état de chiffrement : un appareil restauré est un nouvel appareil. Son historique antérieur est restauré sous forme de pages lisibles et vérifiées dans son dossier d’archives ; une fois que les appareils de votre mission l’ont ajouté, il lit les nouveaux messages de chaque canal.</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>Sauvegarder l’historique</translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>Restaurer l’historique</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Phrase secrète de la sauvegarde</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète :</translation>
    </message>
    <message>
        <source>Backup passphrase, again</source>
        <translation>Phrase secrète de la sauvegarde, à nouveau</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>À &amp;nouveau :</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>Saisissez une phrase secrète.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ordre du jour</translation>
    </message>
    <message>
        <source>&amp;Open the venue&apos;s calendar…</source>
        <translation>&amp;Ouvrir le calendrier du forum…</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation>E&amp;xporter vers l’agenda…</translation>
    </message>
    <message>
        <source>Could not read the calendar: %1</source>
        <translation>Impossible de lire le calendrier : %1</translation>
    </message>
    <message>
        <source>No calendar yet: open the file of regular meetings your venue hands out.</source>
        <translation>Pas encore de calendrier : ouvrez le fichier des réunions régulières que remet votre forum.</translation>
    </message>
    <message>
        <source>Times in UTC. The export keeps each meeting&apos;s recurrence and agenda.</source>
        <translation>Heures en UTC. L’export conserve la récurrence et l’ordre du jour de chaque réunion.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Calendar written to %1</source>
        <translation>Calendrier écrit dans %1</translation>
    </message>
    <message>
        <source>Open the venue&apos;s calendar</source>
        <translation>Ouvrir le calendrier du forum</translation>
    </message>
    <message>
        <source>Calendar (*.json)</source>
        <translation>Calendrier (*.json)</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>Exporter vers l’agenda</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
</context>
<context>
    <name>ChannelList</name>
    <message>
        <source>Notices</source>
        <translation>Annonces</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>Bilatéral</translation>
    </message>
    <message>
        <source>Multilateral</source>
        <translation>Multilatéral</translation>
    </message>
    <message>
        <source>Caucus</source>
        <translation>Concertation</translation>
    </message>
    <message>
        <source>Missions: %1</source>
        <translation>Missions&#xa0;: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation>%1, %2 non lus</translation>
    </message>
    <message>
        <source>routing warning</source>
        <translation>avertissement d&apos;acheminement</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation>Aller aux messages les plus récents</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Répondre</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Accuser réception</translation>
    </message>
    <message>
        <source>&amp;Save attachment…</source>
        <translation>&amp;Enregistrer la pièce jointe…</translation>
    </message>
    <message>
        <source>Jump to the &amp;newest messages</source>
        <translation>Aller aux messages les plus &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copier le texte</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>Renv&amp;oyer</translation>
    </message>
    <message>
        <source>&amp;Discard unsent message</source>
        <translation>&amp;Supprimer le message non envoyé</translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation>Réagir avec %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n nouveau message ↓</numerusform>
            <numerusform>%n nouveaux messages ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Ré&amp;agir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Write a message — Enter sends, Shift+Enter for a new line</source>
        <translation>Écrivez un message — Entrée envoie, Maj+Entrée pour un saut de ligne</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>&amp;Joindre…</translation>
    </message>
    <message>
        <source>Needs ac&amp;knowledgement</source>
        <translation>Accusé de réce&amp;ption demandé</translation>
    </message>
    <message>
        <source>Hotline: the other missions are asked to acknowledge</source>
        <translation>Ligne directe&#xa0;: les autres missions sont priées d&apos;accuser réception</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Marquage</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Marquage&#xa0;:</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>En réponse à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>Modification de votre message</translation>
    </message>
</context>
<context>
    <name>Crisis</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>flash</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgent</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>routine</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>remis</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>vu</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>réception accusée</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>répondu</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>de permanence</translation>
    </message>
    <message>
        <source>deputy</source>
        <translation>suppléant</translation>
    </message>
    <message>
        <source>head of mission</source>
        <translation>chef de mission</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>répondu</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>meeting requested</source>
        <translation>réunion demandée</translation>
    </message>
    <message>
        <source>meeting called</source>
        <translation>réunion convoquée</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>en personne</translation>
    </message>
    <message>
        <source>remotely</source>
        <translation>à distance</translation>
    </message>
    <message>
        <source>represented</source>
        <translation>représentée</translation>
    </message>
    <message>
        <source>cannot attend</source>
        <translation>absente</translation>
    </message>
    <message>
        <source>unanswered %1</source>
        <translation>sans réponse depuis %1</translation>
    </message>
    <message>
        <source>unanswered %1 — escalated to %2</source>
        <translation>sans réponse depuis %1 — transmis à&#xa0;: %2</translation>
    </message>
    <message>
        <source>Hotline call</source>
        <translation>Appel sur la ligne directe</translation>
    </message>
    <message>
        <source>%1 (mission %2)</source>
        <translation>%1 (mission %2)</translation>
    </message>
    <message>
        <source>Flash: reply within 10 minutes</source>
        <translation>Flash&#xa0;: réponse sous 10 minutes</translation>
    </message>
    <message>
        <source>Urgent: reply within 1 hour</source>
        <translation>Urgent&#xa0;: réponse sous 1 heure</translation>
    </message>
    <message>
        <source>Routine: reply within 24 hours</source>
        <translation>Routine&#xa0;: réponse sous 24 heures</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Objet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Détails&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Marquage&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Call now</source>
        <translation>&amp;Appeler maintenant</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>Demande d&apos;explication</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Canal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To mission:</source>
        <translation>À la &amp;mission&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Quoi&#xa0;:</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>&amp;Où&#xa0;:</translation>
    </message>
    <message>
        <source>Wh&amp;en:</source>
        <translation>Qu&amp;and&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Référence&#xa0;:</translation>
    </message>
    <message>
        <source>The mission must reply within 48 hours.</source>
        <translation>La mission doit répondre sous 48 heures.</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>&amp;Envoyer la demande</translation>
    </message>
    <message>
        <source>Crisis desk</source>
        <translation>Cellule de crise</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Accuser réception</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>De → à</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Marquage</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalade</translation>
    </message>
    <message>
        <source>&amp;Call…</source>
        <translation>A&amp;ppeler…</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Accuser ré&amp;ception</translation>
    </message>
    <message>
        <source>A&amp;nswer…</source>
        <translation>&amp;Répondre…</translation>
    </message>
    <message>
        <source>&amp;Hotline</source>
        <translation>&amp;Ligne directe</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>&amp;Request…</source>
        <translation>&amp;Demander…</translation>
    </message>
    <message>
        <source>Re&amp;ply…</source>
        <translation>Ré&amp;pondre…</translation>
    </message>
    <message>
        <source>Ask the chair for a &amp;meeting</source>
        <translation>Demander une &amp;réunion à la présidence</translation>
    </message>
    <message>
        <source>&amp;Explanations</source>
        <translation>&amp;Explications</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>Convoquée par</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Participation</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <source>Attending in person</source>
        <translation>Présent en personne</translation>
    </message>
    <message>
        <source>Attending remotely</source>
        <translation>Présent à distance</translation>
    </message>
    <message>
        <source>Represented by…</source>
        <translation>Représenté par…</translation>
    </message>
    <message>
        <source>Cannot attend</source>
        <translation>Ne peut pas participer</translation>
    </message>
    <message>
        <source>who represents your mission</source>
        <translation>qui représente votre mission</translation>
    </message>
    <message>
        <source>&amp;Answer for my mission</source>
        <translation>&amp;Répondre pour ma mission</translation>
    </message>
    <message>
        <source>Proposed in bilateral channels (nobody convenes there):</source>
        <translation>Proposées dans les canaux bilatéraux (personne n’y convoque) :</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Proposée par</translation>
    </message>
    <message>
        <source>Place and agenda</source>
        <translation>Lieu et ordre du jour</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Acce&amp;pt</source>
        <translation>Acce&amp;pter</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>&amp;Décliner</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Réunions</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>Ca&amp;lendrier</translation>
    </message>
    <message>
        <source>Ring even when Corridor was not opened: &amp;start it when I log in</source>
        <translation>Sonner même si Corridor n’a pas été ouvert : le &amp;lancer à l’ouverture de session</translation>
    </message>
    <message>
        <source>%1 HOTLINE CALL from %2: %3 — %4</source>
        <translation>APPEL %1 SUR LA LIGNE DIRECTE de %2&#xa0;: %3 — %4</translation>
    </message>
    <message>
        <source>On duty: %1 · deputy %2 · head of mission %3</source>
        <translation>De permanence&#xa0;: %1 · suppléant %2 · chef de mission %3</translation>
    </message>
    <message>
        <source>No duty roster: every delegate of your mission is called</source>
        <translation>Pas de tableau de permanence&#xa0;: tous les délégués de votre mission sont appelés</translation>
    </message>
    <message>
        <source>Mission %1: someone on duty</source>
        <translation>Mission %1 : quelqu’un de permanence</translation>
    </message>
    <message>
        <source>Mission %1: nobody on duty</source>
        <translation>Mission %1 : personne de permanence</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation> (en retard)</translation>
    </message>
    <message>
        <source>%1 accepts</source>
        <translation>%1 accepte</translation>
    </message>
    <message>
        <source>%1 declines</source>
        <translation>%1 décline</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>pas encore de réponse</translation>
    </message>
    <message>
        <source>%1 is available to talk until %2</source>
        <translation>%1 est disponible pour parler jusqu’à %2</translation>
    </message>
    <message>
        <source>Sent %1 · reply by %2</source>
        <translation>Envoyé %1 · réponse avant %2</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1 par %2 à %3</translation>
    </message>
    <message>
        <source>called %1 at %2%3</source>
        <translation>niveau %1 appelé à %2%3</translation>
    </message>
    <message>
        <source>Answer the call</source>
        <translation>Répondre à l&apos;appel</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Réponse&#xa0;:</translation>
    </message>
    <message>
        <source>Reply to the request</source>
        <translation>Répondre à la demande</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Explication&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>%1 (venue: %2)</source>
        <translation>%1 (lieu&#xa0;: %2)</translation>
    </message>
    <message>
        <source>under silence; broken so far by %1</source>
        <translation>sous silence&#xa0;; rompu jusqu’ici par %1</translation>
    </message>
    <message>
        <source>under silence</source>
        <translation>sous silence</translation>
    </message>
    <message>
        <source>broken by %1</source>
        <translation>rompu par %1</translation>
    </message>
    <message>
        <source>disputed: break sent at %1, not confirmed</source>
        <translation>contesté&#xa0;: rupture envoyée à %1, non confirmée</translation>
    </message>
    <message>
        <source>pending: a later revision was not received</source>
        <translation>en attente&#xa0;: une révision ultérieure n’a pas été reçue</translation>
    </message>
    <message>
        <source>pending: awaiting closing statements from %1</source>
        <translation>en attente&#xa0;: déclarations de clôture attendues de %1</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>adopté</translation>
    </message>
    <message>
        <source>agreed by %1 of %2 missions at version %3</source>
        <translation>approuvé par %1 missions sur %2 à la version %3</translation>
    </message>
    <message>
        <source>Editors take the lock first</source>
        <translation>Les rédacteurs prennent d’abord le verrou</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Canal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Silence period (hours):</source>
        <translation>&amp;Durée du silence (heures)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Marquage&#xa0;:</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Marquage</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>&amp;Put under silence…</source>
        <translation>&amp;Mettre sous silence…</translation>
    </message>
    <message>
        <source>&amp;Break silence…</source>
        <translation>&amp;Rompre le silence…</translation>
    </message>
    <message>
        <source>&amp;Withdraw my break</source>
        <translation>Re&amp;tirer ma rupture</translation>
    </message>
    <message>
        <source>Re&amp;vise…</source>
        <translation>Ré&amp;viser…</translation>
    </message>
    <message>
        <source>&amp;Silence procedure</source>
        <translation>&amp;Procédure de silence</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrou</translation>
    </message>
    <message>
        <source>&amp;New document…</source>
        <translation>&amp;Nouveau document…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>&amp;Commenter…</translation>
    </message>
    <message>
        <source>Si&amp;gn off</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <source>&amp;Diff…</source>
        <translation>&amp;Différences…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>&amp;Drafting</source>
        <translation>&amp;Rédaction</translation>
    </message>
    <message>
        <source>You take part as an observer: you cannot break silence or sign off.</source>
        <translation>Vous participez en tant qu’observateur&#xa0;: vous ne pouvez ni rompre le silence ni approuver.</translation>
    </message>
    <message>
        <source>Your break (%1) is not confirmed: %2 have not acknowledged it. Raise it by other means.</source>
        <translation>Votre rupture (%1) n’est pas confirmée&#xa0;: %2 n’en ont pas accusé réception. Signalez-la par d’autres moyens.</translation>
    </message>
    <message>
        <source>Revision %1 put by %2 · text SHA-256 %3</source>
        <translation>Révision %1 soumise par %2 · SHA-256 du texte %3</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirée</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmée</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>non confirmée</translation>
    </message>
    <message>
        <source>%1 broke silence at %2: %3 (%4)</source>
        <translation>%1 a rompu le silence à %2&#xa0;: %3 (%4)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Résultat&#xa0;: %1</translation>
    </message>
    <message>
        <source>Version %1 by %2 at %3</source>
        <translation>Version %1 par %2 à %3</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>observateur</translation>
    </message>
    <message>
        <source>Signed off: %1</source>
        <translation>Approuvé par&#xa0;: %1</translation>
    </message>
    <message>
        <source>Put a text under silence</source>
        <translation>Mettre un texte sous silence</translation>
    </message>
    <message>
        <source>Break silence</source>
        <translation>Rompre le silence</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif&#xa0;:</translation>
    </message>
    <message>
        <source>Revise the text (the clock restarts)</source>
        <translation>Réviser le texte (le délai recommence)</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Nouveau document</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Nouvelle version</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Paragraph:</source>
        <translation>Paragraphe&#xa0;:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Commentaire&#xa0;:</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Différences</translation>
    </message>
    <message>
        <source>From version:</source>
        <translation>Depuis la version&#xa0;:</translation>
    </message>
    <message>
        <source>Export the agreed text</source>
        <translation>Exporter le texte approuvé</translation>
    </message>
    <message>
        <source>D&amp;ecisions…</source>
        <translation>Dé&amp;cisions…</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>My devices</source>
        <translation>Mes appareils</translation>
    </message>
    <message>
        <source>Reading the venue directory…</source>
        <translation>Lecture de l’annuaire du forum…</translation>
    </message>
    <message>
        <source>&amp;Remove device…</source>
        <translation>&amp;Retirer l’appareil…</translation>
    </message>
    <message>
        <source>Remove the selected device</source>
        <translation>Retirer l’appareil sélectionné</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>cet appareil</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) of yours in the venue. Remove one you lost: it can no longer connect, and it is removed from every channel.</source>
        <translation>
            <numerusform>%n appareil à vous dans le forum. Retirez celui que vous avez perdu : il ne peut plus se connecter et il est retiré de tous les canaux.</numerusform>
            <numerusform>%n appareils à vous dans le forum. Retirez celui que vous avez perdu : il ne peut plus se connecter et il est retiré de tous les canaux.</numerusform>
        </translation>
    </message>
    <message>
        <source>The devices could not be read: %1</source>
        <translation>Impossible de lire les appareils : %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1: it can no longer connect, and it is being removed from %n channel(s).</source>
        <translation>
            <numerusform>%1 retiré&#xa0;: il ne peut plus se connecter et il est en cours de retrait de %n canal.</numerusform>
            <numerusform>%1 retiré&#xa0;: il ne peut plus se connecter et il est en cours de retrait de %n canaux.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will no longer connect to the venue and is removed from its %n channel(s): it cannot read any new message. This cannot be undone. If it may be in other hands, also ask your mission to revoke its certificate.</source>
        <translation>
            <numerusform>Il ne pourra plus se connecter au forum et sera retiré de %n canal&#xa0;: il ne pourra lire aucun nouveau message. Cette action est irréversible. S’il risque d’être entre d’autres mains, demandez aussi à votre mission de révoquer son certificat.</numerusform>
            <numerusform>Il ne pourra plus se connecter au forum et sera retiré de ses %n canaux&#xa0;: il ne pourra lire aucun nouveau message. Cette action est irréversible. S’il risque d’être entre d’autres mains, demandez aussi à votre mission de révoquer son certificat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>Retirer l’appareil</translation>
    </message>
    <message>
        <source>Remove your device %1 (%2)?</source>
        <translation>Retirer votre appareil %1 (%2) ?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Retrait…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Exactly two missions: yours and one other. Nobody can change the pair.</source>
        <translation>Exactement deux missions&#xa0;: la vôtre et une autre. Personne ne peut changer la paire.</translation>
    </message>
    <message>
        <source>Several missions (a working group). You convene it and may change it.</source>
        <translation>Plusieurs missions (un groupe de travail). Vous le convoquez et pouvez le modifier.</translation>
    </message>
    <message>
        <source>A private group of allied missions, invisible to everyone else.</source>
        <translation>Un groupe privé de missions alliées, invisible pour toutes les autres.</translation>
    </message>
    <message>
        <source>Every mission of the venue; only the chair posts. Chair only.</source>
        <translation>Toutes les missions du forum&#x202f;; seule la présidence publie. Réservé à la présidence.</translation>
    </message>
    <message>
        <source>What kind of channel?</source>
        <translation>Quel type de canal&#x202f;?</translation>
    </message>
    <message>
        <source>The kind decides who may join, who may change the members and who may post. It never changes later.</source>
        <translation>Le type détermine qui peut rejoindre le canal, qui peut en changer les membres et qui peut y publier. Il ne change jamais par la suite.</translation>
    </message>
    <message>
        <source>&amp;Bilateral</source>
        <translation>&amp;Bilatéral</translation>
    </message>
    <message>
        <source>&amp;Multilateral</source>
        <translation>&amp;Multilatéral</translation>
    </message>
    <message>
        <source>&amp;Caucus</source>
        <translation>&amp;Concertation</translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation>&amp;Annonces</translation>
    </message>
    <message>
        <source>Name and missions</source>
        <translation>Nom et missions</translation>
    </message>
    <message>
        <source>For example: Working group on incident prevention</source>
        <translation>Par exemple&#xa0;: Groupe de travail sur la prévention des incidents</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Missions</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Missions:</source>
        <translation>&amp;Missions&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (your mission)</source>
        <translation>%1 (votre mission)</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>Donnez un nom au canal.</translation>
    </message>
    <message>
        <source>✓ The channel policy allows this.</source>
        <translation>✓ La politique du canal l&apos;autorise.</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>Nouveau canal</translation>
    </message>
    <message>
        <source>QR code of the safety number</source>
        <translation>Code QR du numéro de sécurité</translation>
    </message>
    <message>
        <source>QR code unavailable (install qrcode)</source>
        <translation>Code QR indisponible (installez qrcode)</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>Vérifier %1</translation>
    </message>
    <message>
        <source>Compare these words with %1, in person or on a call you trust. If they match on both devices, nobody has substituted a key.</source>
        <translation>Comparez ces mots avec %1, en personne ou lors d&apos;un appel de confiance. S&apos;ils sont identiques sur les deux appareils, personne n&apos;a substitué de clé.</translation>
    </message>
    <message>
        <source>This device: %1
Their device: %2</source>
        <translation>Cet appareil&#xa0;: %1
Son appareil&#xa0;: %2</translation>
    </message>
    <message>
        <source>They &amp;match — mark as verified</source>
        <translation>Ils &amp;correspondent — marquer comme vérifié</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Pas maintenant</translation>
    </message>
    <message>
        <source>Verified ✔ — close</source>
        <translation>Vérifié ✔ — fermer</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivés</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 semaine</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Afficher les &amp;notifications de bureau</translation>
    </message>
    <message>
        <source>Start Corridor when I log &amp;in (in the tray, so hotline calls ring)</source>
        <translation>Lancer Corridor à l’ouverture de sess&amp;ion (dans la zone de notification, pour que la ligne directe sonne)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>A new language applies when Corridor restarts.</source>
        <translation>Une nouvelle langue s&apos;applique au redémarrage de Corridor.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Disappearing messages in “%1”:</source>
        <translation>Messages &amp;éphémères dans «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Rechercher dans les messages</translation>
    </message>
    <message>
        <source>Search this device&apos;s messages (whole words; “word*” for a prefix)</source>
        <translation>Rechercher dans les messages de cet appareil (mots entiers&#x202f;; «&#xa0;mot*&#xa0;» pour un préfixe)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>Post a revised agenda</source>
        <translation>Publier un ordre du jour révisé</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>&amp;Ordre du jour&#xa0;:</translation>
    </message>
    <message>
        <source>Convene an emergency meeting</source>
        <translation>Convoquer une réunion d&apos;urgence</translation>
    </message>
    <message>
        <source>e.g. Conference room B</source>
        <translation>p. ex. Salle de conférence B</translation>
    </message>
    <message>
        <source>Why the meeting is needed: every mission reads this before acknowledging.</source>
        <translation>Pourquoi la réunion est nécessaire&#xa0;: chaque mission le lit avant d&apos;accuser réception.</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Quand&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Lieu&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>Li&amp;en&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>&amp;Vérifier…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <source>&amp;Convene now</source>
        <translation>&amp;Convoquer maintenant</translation>
    </message>
    <message>
        <source>Give the reason: every mission reads it before acknowledging.</source>
        <translation>Indiquez le motif&#xa0;: chaque mission le lit avant d&apos;accuser réception.</translation>
    </message>
    <message>
        <source>That time is in the past.</source>
        <translation>Cette heure est déjà passée.</translation>
    </message>
    <message>
        <source>Every mission in “%1” will be alarmed and asked to acknowledge.</source>
        <translation>Toutes les missions de «&#xa0;%1&#xa0;» seront alertées et priées d&apos;accuser réception.</translation>
    </message>
    <message>
        <source>this channel</source>
        <translation>ce canal</translation>
    </message>
    <message>
        <source>When: %1 (%2)</source>
        <translation>Quand&#xa0;: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>dans %n minute</numerusform>
            <numerusform>dans %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation>Lieu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Lien&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif&#xa0;: %1</translation>
    </message>
    <message>
        <source>Welcome to Corridor</source>
        <translation>Bienvenue dans Corridor</translation>
    </message>
    <message>
        <source>This device is not enrolled in a venue yet (home: %1).</source>
        <translation>Cet appareil n&apos;est encore inscrit à aucun forum (dossier&#xa0;: %1).</translation>
    </message>
    <message>
        <source>Open a &amp;demo venue</source>
        <translation>Ouvrir un forum de &amp;démonstration</translation>
    </message>
    <message>
        <source>A complete venue on this computer only (127.0.0.1): several missions, channels of every kind and delegates who answer.</source>
        <translation>Un forum complet sur cet ordinateur uniquement (127.0.0.1)&#xa0;: plusieurs missions, des canaux de tous types et des délégués qui répondent.</translation>
    </message>
    <message>
        <source>&amp;Enrol this device…</source>
        <translation>&amp;Inscrire cet appareil…</translation>
    </message>
    <message>
        <source>You need your accreditation letter (the venue root fingerprint) and your mission admin.</source>
        <translation>Il vous faut votre lettre d&apos;accréditation (l&apos;empreinte de la racine du forum) et l&apos;administrateur de votre mission.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message>
        <source>Unlock Corridor</source>
        <translation>Déverrouiller Corridor</translation>
    </message>
    <message>
        <source>This device&apos;s keys are in a passphrase-protected file (no OS keyring is in use). Enter its passphrase to open
%1</source>
        <translation>Les clés de cet appareil sont dans un fichier protégé par une phrase secrète (aucun trousseau du système n&apos;est utilisé). Saisissez-la pour ouvrir
%1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Saisissez la phrase secrète.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
    <message>
        <source>1. This device&apos;s key</source>
        <translation>1. La clé de cet appareil</translation>
    </message>
    <message>
        <source>Corridor makes a signature key on this computer (it never leaves it) and a certificate request for your mission admin.</source>
        <translation>Corridor crée une clé de signature sur cet ordinateur (elle ne le quitte jamais) et une demande de certificat pour l&apos;administrateur de votre mission.</translation>
    </message>
    <message>
        <source>as your mission admin gave it, e.g. amartin</source>
        <translation>tel que l&apos;administrateur de votre mission l&apos;a donné, p. ex. amartin</translation>
    </message>
    <message>
        <source>your name as others see it, e.g. Alice Martin</source>
        <translation>votre nom tel que les autres le voient, p. ex. Alice Martin</translation>
    </message>
    <message>
        <source>&amp;Delegate id:</source>
        <translation>&amp;Identifiant de délégué&#xa0;:</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>&amp;Nom affiché&#xa0;:</translation>
    </message>
    <message>
        <source>This computer has no usable OS keyring: the key goes into a file protected by a passphrase you choose now (at least %1 characters). You will type it each time Corridor starts.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau système utilisable&#xa0;: la clé est placée dans un fichier protégé par une phrase secrète que vous choisissez maintenant (au moins %1 caractères). Vous la saisirez à chaque démarrage de Corridor.</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-la&#xa0;:</translation>
    </message>
    <message>
        <source>Fill in your delegate id and display name.</source>
        <translation>Indiquez votre identifiant de délégué et votre nom affiché.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>La phrase secrète doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>Making the key and the request…</source>
        <translation>Création de la clé et de la demande…</translation>
    </message>
    <message>
        <source>2. Send the request to your mission admin</source>
        <translation>2. Envoyez la demande à l&apos;administrateur de votre mission</translation>
    </message>
    <message>
        <source>They sign it and send you back your device certificate and your mission&apos;s certificate; the secretariat&apos;s venue root certificate comes with them.</source>
        <translation>Il la signe et vous renvoie votre certificat d&apos;appareil et le certificat de votre mission&#x202f;; le certificat racine du forum, émis par le secrétariat, les accompagne.</translation>
    </message>
    <message>
        <source>&amp;Save a copy of the request…</source>
        <translation>&amp;Enregistrer une copie de la demande…</translation>
    </message>
    <message>
        <source>&amp;Copy its location</source>
        <translation>&amp;Copier son emplacement</translation>
    </message>
    <message>
        <source>Send it by your ministry&apos;s usual channel. The request holds no secret. You may close Corridor now: the next time it starts, it continues with the next step. When your admin calls to confirm, read them the device key above.</source>
        <translation>Envoyez-la par le canal habituel de votre ministère. La demande ne contient aucun secret. Vous pouvez fermer Corridor maintenant&#xa0;: au prochain démarrage, il reprendra à l&apos;étape suivante. Lorsque votre administrateur appelle pour confirmer, lisez-lui la clé d&apos;appareil ci-dessus.</translation>
    </message>
    <message>
        <source>Your request: %1</source>
        <translation>Votre demande&#xa0;: %1</translation>
    </message>
    <message>
        <source>Device key: %1</source>
        <translation>Clé de l&apos;appareil&#xa0;: %1</translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation>Enregistrer la demande</translation>
    </message>
    <message>
        <source>Certificate request (*.pem)</source>
        <translation>Demande de certificat (*.pem)</translation>
    </message>
    <message>
        <source>Your request: %1 (a copy is in %2)</source>
        <translation>Votre demande&#xa0;: %1 (une copie se trouve dans %2)</translation>
    </message>
    <message>
        <source>3. Import your certificates</source>
        <translation>3. Importez vos certificats</translation>
    </message>
    <message>
        <source>Choose the files your mission admin sent. The venue root is accepted only if its fingerprint matches your accreditation letter.</source>
        <translation>Choisissez les fichiers envoyés par l&apos;administrateur de votre mission. La racine du forum n&apos;est acceptée que si son empreinte correspond à votre lettre d&apos;accréditation.</translation>
    </message>
    <message>
        <source>C&amp;hoose the files…</source>
        <translation>C&amp;hoisir les fichiers…</translation>
    </message>
    <message>
        <source>Your &amp;device certificate:</source>
        <translation>Votre certificat d&apos;&amp;appareil&#xa0;:</translation>
    </message>
    <message>
        <source>Your &amp;mission&apos;s certificate:</source>
        <translation>Le certificat de votre &amp;mission&#xa0;:</translation>
    </message>
    <message>
        <source>The venue &amp;root certificate:</source>
        <translation>Le certificat &amp;racine du forum&#xa0;:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Parcourir</translation>
    </message>
    <message>
        <source>64 hex digits or 32 words, from the letter</source>
        <translation>64 chiffres hexadécimaux ou 32 mots, tirés de la lettre</translation>
    </message>
    <message>
        <source>Root &amp;fingerprint:</source>
        <translation>&amp;Empreinte de la racine&#xa0;:</translation>
    </message>
    <message>
        <source>Re&amp;lay address:</source>
        <translation>Adresse du re&amp;lais&#xa0;:</translation>
    </message>
    <message>
        <source>The files from your mission admin</source>
        <translation>Les fichiers de l&apos;administrateur de votre mission</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer *.der);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>Il manque encore&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose a certificate</source>
        <translation>Choisir un certificat</translation>
    </message>
    <message>
        <source>Checking the fingerprint and the certificates…</source>
        <translation>Vérification de l&apos;empreinte et des certificats…</translation>
    </message>
    <message>
        <source>4. Enrolled</source>
        <translation>4. Inscrit</translation>
    </message>
    <message>
        <source>The venue root is pinned and your certificate verifies.</source>
        <translation>La racine du forum est épinglée et votre certificat est vérifié.</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>Inscrire cet appareil</translation>
    </message>
    <message>
        <source>&amp;Open the venue</source>
        <translation>&amp;Ouvrir le forum</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Corridor — %1</source>
        <translation>Corridor — %1</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>&amp;New channel…</source>
        <translation>&amp;Nouveau canal…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connection to the relay</source>
        <translation>Connexion au relais</translation>
    </message>
    <message>
        <source>&amp;Corridor</source>
        <translation>&amp;Corridor</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Leave channel…</source>
        <translation>&amp;Quitter le canal…</translation>
    </message>
    <message>
        <source>Transparency log: my &amp;mission…</source>
        <translation>Journal de transparence&#xa0;: ma &amp;mission…</translation>
    </message>
    <message>
        <source>C&amp;risis desk…</source>
        <translation>Cellule de c&amp;rise…</translation>
    </message>
    <message>
        <source>My &amp;devices…</source>
        <translation>Mes &amp;appareils…</translation>
    </message>
    <message>
        <source>E&amp;xport channel history…</source>
        <translation>E&amp;xporter l’historique du canal…</translation>
    </message>
    <message>
        <source>&amp;Back up history…</source>
        <translation>&amp;Sauvegarder l’historique…</translation>
    </message>
    <message>
        <source>Rest&amp;ore history…</source>
        <translation>Rest&amp;aurer l’historique…</translation>
    </message>
    <message>
        <source>M&amp;ute this channel</source>
        <translation>Rendre ce canal m&amp;uet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>C&amp;hair</source>
        <translation>&amp;Présidence</translation>
    </message>
    <message>
        <source>Post a revised &amp;agenda…</source>
        <translation>Publier un &amp;ordre du jour révisé…</translation>
    </message>
    <message>
        <source>Convene an &amp;emergency meeting…</source>
        <translation>Convoquer une réunion d&apos;&amp;urgence…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Aller</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Canaux</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Messages</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>&amp;Rédiger</translation>
    </message>
    <message>
        <source>M&amp;embers</source>
        <translation>M&amp;embres</translation>
    </message>
    <message>
        <source>Next &amp;unread channel</source>
        <translation>Canal non lu &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Raccourcis clavier…</translation>
    </message>
    <message>
        <source>&amp;About Corridor</source>
        <translation>À &amp;propos de Corridor</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>&amp;Open Corridor</source>
        <translation>&amp;Ouvrir Corridor</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>Corridor keeps running in the tray, so a hotline call can ring. Quit ends it.</source>
        <translation>Corridor reste actif dans la zone de notification, pour qu’un appel de la ligne directe puisse sonner. Quitter l’arrête.</translation>
    </message>
    <message>
        <source>Corridor — %1 unread</source>
        <translation>Corridor — %1 non lus</translation>
    </message>
    <message>
        <source>Classification ceiling: %1</source>
        <translation>Plafond de classification : %1</translation>
    </message>
    <message>
        <source>The venue&apos;s classification levels, lowest first: %1</source>
        <translation>Les niveaux de classification du lieu de réunion, du plus bas au plus haut : %1</translation>
    </message>
    <message>
        <source>Only the chair posts in this notice channel.</source>
        <translation>Seule la présidence publie dans ce canal d&apos;annonces.</translation>
    </message>
    <message>
        <source>You can no longer post in this channel.</source>
        <translation>Vous ne pouvez plus publier dans ce canal.</translation>
    </message>
    <message>
        <source>A message was not sent: %1</source>
        <translation>Un message n&apos;a pas été envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Security alarm: the relay&apos;s directory — %1</source>
        <translation>Alarme de sécurité&#xa0;: l&apos;annuaire du relais — %1</translation>
    </message>
    <message>
        <source>A change to this channel was voided by its missions</source>
        <translation>Une modification de ce canal a été annulée par ses missions</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>Hors ligne — reconnexion…</translation>
    </message>
    <message>
        <source>Emergency meeting</source>
        <translation>Réunion d&apos;urgence</translation>
    </message>
    <message>
        <source>%1 convened an emergency meeting</source>
        <translation>%1 a convoqué une réunion d&apos;urgence</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Nouveau message de %1</translation>
    </message>
    <message>
        <source>⏱ Messages disappear after %1 (set by %2)</source>
        <translation>⏱ Les messages disparaissent après %1 (réglé par %2)</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>un membre</translation>
    </message>
    <message>
        <source>About Corridor</source>
        <translation>À propos de Corridor</translation>
    </message>
    <message>
        <source>Corridor %1</source>
        <translation>Corridor %1</translation>
    </message>
    <message>
        <source>End-to-end-encrypted messaging (MLS, RFC 9420) for the delegations of a multilateral forum.
Licensed under the Apache License, Version 2.0.</source>
        <translation>Messagerie chiffrée de bout en bout (MLS, RFC 9420) pour les délégations d&apos;un forum multilatéral.
Distribué sous la licence Apache, version 2.0.</translation>
    </message>
    <message>
        <source>This device trusts the venue whose root certificate has the fingerprint:
%1
%2
Compare it with the one the secretariat published.</source>
        <translation>Cet appareil fait confiance au forum dont le certificat racine a l’empreinte :
%1
%2
Comparez-la à celle publiée par le secrétariat.</translation>
    </message>
    <message>
        <source>Withdraw message</source>
        <translation>Retirer le message</translation>
    </message>
    <message>
        <source>Withdraw this message for everyone in the channel?</source>
        <translation>Retirer ce message pour tous les membres du canal&#x202f;?</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>Quitter le canal</translation>
    </message>
    <message>
        <source>Leave “%1” on this device?</source>
        <translation>Quitter «&#xa0;%1&#xa0;» sur cet appareil&#x202f;?</translation>
    </message>
    <message>
        <source>The messages you have stay readable on this device. It will receive no new messages in this channel, and the other members will see this device leave. Your other devices stay in the channel.</source>
        <translation>Les messages que vous avez restent lisibles sur cet appareil. Il ne recevra plus de nouveaux messages dans ce canal, et les autres membres verront cet appareil partir. Vos autres appareils restent dans le canal.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>You left “%1” on this device.</source>
        <translation>Vous avez quitté «&#xa0;%1&#xa0;» sur cet appareil.</translation>
    </message>
    <message>
        <source>Offline: leaving “%1” goes at the next connection.</source>
        <translation>Hors ligne&#xa0;: le départ de «&#xa0;%1&#xa0;» partira à la prochaine connexion.</translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <source>This message was never delivered. Delete it from this device?</source>
        <translation>Ce message n&apos;a jamais été remis. Le supprimer de cet appareil&#x202f;?</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Joindre un fichier</translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation>Envoi de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>“%1” is queued; the conversation shows it as sent once the relay has it.</source>
        <translation>«&#xa0;%1&#xa0;» est en file d’attente&#xa0;; la conversation l’indique comme envoyé dès que le relais l’a reçu.</translation>
    </message>
    <message>
        <source>“%1” is too large to send. Files up to %2 can be attached.</source>
        <translation>«&#xa0;%1&#xa0;» est trop volumineux pour être envoyé. Les fichiers joints peuvent atteindre %2.</translation>
    </message>
    <message>
        <source>The relay&apos;s storage for your attachments is full, so “%1” was not sent. Ask the secretariat, or try again later.</source>
        <translation>L&apos;espace de stockage du relais pour vos pièces jointes est plein&#xa0;: «&#xa0;%1&#xa0;» n&apos;a pas été envoyé. Contactez le secrétariat ou réessayez plus tard.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” was not sent. Try again when you are back online.</source>
        <translation>Le relais est injoignable&#xa0;: «&#xa0;%1&#xa0;» n&apos;a pas été envoyé. Réessayez une fois de nouveau en ligne.</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>«&#xa0;%1&#xa0;» est illisible&#xa0;: %2</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas été envoyé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Attachment not sent</source>
        <translation>Pièce jointe non envoyée</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>Téléchargement de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>“%1” was NOT saved: the file the relay returned does not match what the sender sent (it was altered or damaged on the way). Nothing was written. Ask the sender to send it again.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a PAS été enregistré&#xa0;: le fichier renvoyé par le relais ne correspond pas à celui de l&apos;expéditeur (il a été modifié ou endommagé en route). Rien n&apos;a été écrit. Demandez à l&apos;expéditeur de le renvoyer.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” could not be downloaded.</source>
        <translation>Le relais est injoignable&#xa0;: «&#xa0;%1&#xa0;» n&apos;a pas pu être téléchargé.</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas pu être enregistré&#xa0;: %2</translation>
    </message>
    <message>
        <source>Attachment not saved</source>
        <translation>Pièce jointe non enregistrée</translation>
    </message>
    <message>
        <source>Creating “%1”…</source>
        <translation>Création de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>Sauvegarder l’historique</translation>
    </message>
    <message numerus="yes">
        <source>Backed up the history of %n channel(s) to %1.</source>
        <translation>
            <numerusform>Historique de %n canal sauvegardé dans %1.</numerusform>
            <numerusform>Historique de %n canaux sauvegardé dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>Restaurer l’historique</translation>
    </message>
    <message numerus="yes">
        <source>Restored the history of %n channel(s) into %1.</source>
        <translation>
            <numerusform>Historique de %n canal restauré dans %1.</numerusform>
            <numerusform>Historique de %n canaux restauré dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Muted: only emergency meetings, acknowledgement requests and hotline calls notify from this channel.</source>
        <translation>Muet : seules les réunions d’urgence, les demandes d’accusé de réception et les appels de la ligne directe notifient depuis ce canal.</translation>
    </message>
    <message>
        <source>Notifications on for this channel.</source>
        <translation>Notifications activées pour ce canal.</translation>
    </message>
    <message>
        <source>Export channel history</source>
        <translation>Exporter l’historique du canal</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1, signed by this device.</source>
        <translation>
            <numerusform>%n message exporté vers %1, signé par cet appareil.</numerusform>
            <numerusform>%n messages exportés vers %1, signés par cet appareil.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Marking</name>
    <message>
        <source>Classification marking: only the levels the channel&apos;s ceiling allows are offered</source>
        <translation>Marquage de classification&#xa0;: seuls les niveaux permis par le plafond du canal sont proposés</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Marquage&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>this device</source>
        <translation>cet appareil</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ vérifié</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>Device key %1</source>
        <translation>Clé de l&apos;appareil %1</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>%1 · observer</source>
        <translation>%1 · observateur</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>envoi…</translation>
    </message>
    <message>
        <source>read by %1</source>
        <translation>lu par %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>réception accusée par %1</translation>
    </message>
    <message>
        <source>awaiting acknowledgement</source>
        <translation>en attente d&apos;accusé de réception</translation>
    </message>
    <message>
        <source>disappears %1</source>
        <translation>disparaît %1</translation>
    </message>
    <message>
        <source>File: %1 · %2 · %3 — Save… (Ctrl+S)</source>
        <translation>Fichier&#xa0;: %1 · %2 · %3 — Enregistrer… (Ctrl+S)</translation>
    </message>
    <message>
        <source>EMERGENCY MEETING</source>
        <translation>RÉUNION D&apos;URGENCE</translation>
    </message>
    <message>
        <source>Agenda notice (revision %1)</source>
        <translation>Avis d&apos;ordre du jour (révision %1)</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Réunion&#xa0;: %1</translation>
    </message>
    <message>
        <source>Disappearing messages: %1</source>
        <translation>Messages éphémères&#xa0;: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivés</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>un message antérieur</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>&amp;Notices and aid…</source>
        <translation>&amp;Notifications et aide…</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>notifié</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n exercise(s)</source>
        <translation>
            <numerusform>%1 : %n exercice</numerusform>
            <numerusform>%1 : %n exercices</numerusform>
        </translation>
    </message>
    <message>
        <source>completed</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>demandé</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>proposé</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>livré</translation>
    </message>
    <message>
        <source>Exercise notice</source>
        <translation>Notification d’exercice</translation>
    </message>
    <message>
        <source>%1 (ceiling %2)</source>
        <translation>%1 (plafond %2)</translation>
    </message>
    <message>
        <source>troops=3000, tanks=40</source>
        <translation>troupes=3000, chars=40</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>No channel to send to</source>
        <translation>Aucun canal où envoyer</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>« %1 » n’est pas un nombre</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Forces</source>
        <translation>Forces</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Marquage</translation>
    </message>
    <message>
        <source>Request aid</source>
        <translation>Demander de l’aide</translation>
    </message>
    <message>
        <source>water=20000:litres, tents=300</source>
        <translation>eau=20000:litres, tentes=300</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>flash</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgent</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>routine</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Besoins</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgence</translation>
    </message>
    <message>
        <source>Incident notification</source>
        <translation>Notification d’incident</translation>
    </message>
    <message>
        <source>-90 to 90</source>
        <translation>-90 à 90</translation>
    </message>
    <message>
        <source>-180 to 180</source>
        <translation>-180 à 180</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 à %2 : %3</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Units involved</source>
        <translation>Unités concernées</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>Demande d’explication</translation>
    </message>
    <message>
        <source>Amend the annual exchange</source>
        <translation>Modifier l’échange annuel</translation>
    </message>
    <message>
        <source>Submit the annual exchange</source>
        <translation>Soumettre l’échange annuel</translation>
    </message>
    <message>
        <source>what the amendment changes</source>
        <translation>ce que la modification change</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informations</translation>
    </message>
    <message>
        <source>Amendment note</source>
        <translation>Note de modification</translation>
    </message>
    <message>
        <source>Say what the amendment changes</source>
        <translation>Indiquez ce que la modification change</translation>
    </message>
    <message>
        <source>Due date of the annual exchange</source>
        <translation>Échéance de l’échange annuel</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>À remettre le</translation>
    </message>
    <message>
        <source>The due date must be in the future</source>
        <translation>L’échéance doit être dans le futur</translation>
    </message>
    <message>
        <source>Publish a template</source>
        <translation>Publier un modèle</translation>
    </message>
    <message>
        <source>ship-incident</source>
        <translation>ship-incident</translation>
    </message>
    <message>
        <source>time, position, ship, intent</source>
        <translation>heure, position, navire, intention</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Fill in a template</source>
        <translation>Remplir un modèle</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>No template has been published</source>
        <translation>Aucun modèle n’a été publié</translation>
    </message>
    <message>
        <source>Fill in %1</source>
        <translation>Remplissez %1</translation>
    </message>
    <message>
        <source>Notices and aid</source>
        <translation>Notifications et aide</translation>
    </message>
    <message>
        <source>&amp;New exercise notice…</source>
        <translation>&amp;Nouvelle notification d’exercice…</translation>
    </message>
    <message>
        <source>&amp;Cancel notice</source>
        <translation>&amp;Annuler la notification</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Exercise register</source>
        <translation>Registre des exercices</translation>
    </message>
    <message>
        <source>&amp;Request aid…</source>
        <translation>&amp;Demander de l’aide…</translation>
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation>&amp;Proposer</translation>
    </message>
    <message>
        <source>&amp;Accept offer</source>
        <translation>&amp;Accepter l’offre</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>Marquer &amp;livré</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Unmet</source>
        <translation>Non couvert</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <source>Disaster aid</source>
        <translation>Aide en cas de catastrophe</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Report &amp;incident…</source>
        <translation>Signaler un &amp;incident…</translation>
    </message>
    <message>
        <source>&amp;Link to request</source>
        <translation>&amp;Lier à la demande</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Requests for explanation and their incidents</source>
        <translation>Demandes d’explication et leurs incidents</translation>
    </message>
    <message>
        <source>Asked of</source>
        <translation>Adressée à</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>&amp;Fill in template…</source>
        <translation>&amp;Remplir un modèle…</translation>
    </message>
    <message>
        <source>&amp;Publish template…</source>
        <translation>&amp;Publier un modèle…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>&amp;Soumettre…</translation>
    </message>
    <message>
        <source>Set &amp;due date…</source>
        <translation>Fixer l’&amp;échéance…</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumis</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Annual exchange</source>
        <translation>Échange annuel</translation>
    </message>
    <message>
        <source>&amp;Amend submission…</source>
        <translation>&amp;Modifier la soumission…</translation>
    </message>
    <message>
        <source>%1 (not held here)</source>
        <translation>%1 (absente ici)</translation>
    </message>
    <message>
        <source>Export the exercise register</source>
        <translation>Exporter le registre des exercices</translation>
    </message>
    <message>
        <source>PDF for printing (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</source>
        <translation>PDF à imprimer (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Corridor venue</source>
        <translation>Forum Corridor</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>Toutes les missions</translation>
    </message>
    <message>
        <source>%1 (revision %2)</source>
        <translation>%1 (révision %2)</translation>
    </message>
    <message>
        <source>Unmet needs: %1</source>
        <translation>Besoins non couverts : %1</translation>
    </message>
    <message>
        <source>No unmet needs</source>
        <translation>Aucun besoin non couvert</translation>
    </message>
    <message>
        <source>Annual exchange %1, due %2</source>
        <translation>Échange annuel %1, échéance %2</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>non soumis</translation>
    </message>
    <message>
        <source>late</source>
        <translation>en retard</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>No agenda has been posted yet.</source>
        <translation>Aucun ordre du jour n&apos;a encore été publié.</translation>
    </message>
    <message>
        <source>Post a revised a&amp;genda…</source>
        <translation>Publier un ordre du jour ré&amp;visé…</translation>
    </message>
    <message>
        <source>Pinned agenda:</source>
        <translation>Ordre du jour épinglé&#xa0;:</translation>
    </message>
    <message>
        <source>Pinned agenda</source>
        <translation>Ordre du jour épinglé</translation>
    </message>
    <message>
        <source>Revision %1 · posted by %2 · %3</source>
        <translation>Révision %1 · publiée par %2 · %3</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Accuser réception</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Masquer</translation>
    </message>
    <message>
        <source>Acknowledgement tracker</source>
        <translation>Suivi des accusés de réception</translation>
    </message>
    <message>
        <source>EMERGENCY — meeting convened by %1</source>
        <translation>URGENCE — réunion convoquée par %1</translation>
    </message>
    <message>
        <source>%1 of %2 missions have not yet acknowledged: %3</source>
        <translation>Pas encore d&apos;accusé de réception de %1 des %2 missions&#xa0;: %3</translation>
    </message>
    <message>
        <source>Every mission has acknowledged.</source>
        <translation>Toutes les missions ont accusé réception.</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>Affi&amp;cher</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Accuser ré&amp;ception</translation>
    </message>
    <message>
        <source>Hotline: %1 awaits your mission&apos;s acknowledgement: “%2”</source>
        <translation>Ligne directe&#xa0;: %1 attend l&apos;accusé de réception de votre mission&#xa0;: «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>(+%1 de plus)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Members by mission</source>
        <translation>Membres par mission</translation>
    </message>
    <message>
        <source>&amp;Verify device…</source>
        <translation>&amp;Vérifier l&apos;appareil…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Everything in the app can be done from the keyboard: Tab moves between controls, the arrow keys within lists.</source>
        <translation>Tout se fait au clavier dans l’application : Tab passe d’une commande à l’autre, les flèches se déplacent dans les listes.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <source>✓ %1 — acknowledged by %2</source>
        <translation>✓ %1 — réception accusée par %2</translation>
    </message>
    <message>
        <source>✗ %1 — read, not yet acknowledged</source>
        <translation>✗ %1 — lu, réception pas encore accusée</translation>
    </message>
    <message>
        <source>✗ %1 — not yet answered</source>
        <translation>✗ %1 — pas encore de réponse</translation>
    </message>
</context>
<context>
    <name>Transparency</name>
    <message>
        <source>Alarm: %1</source>
        <translation>Alarme&#xa0;: %1</translation>
    </message>
    <message>
        <source>signed tree head: size %1, root %2</source>
        <translation>tête d&apos;arbre signée&#xa0;: taille %1, racine %2</translation>
    </message>
    <message>
        <source>record (DER, %1 bytes): %2…</source>
        <translation>enregistrement (DER, %1 octets)&#xa0;: %2…</translation>
    </message>
    <message>
        <source>Directory: checking…</source>
        <translation>Annuaire&#xa0;: vérification…</translation>
    </message>
    <message>
        <source>✔ Directory verified</source>
        <translation>✔ Annuaire vérifié</translation>
    </message>
    <message>
        <source>⚠ Directory not verified</source>
        <translation>⚠ Annuaire non vérifié</translation>
    </message>
    <message>
        <source>Directory verification</source>
        <translation>Vérification de l&apos;annuaire</translation>
    </message>
    <message>
        <source>Every member&apos;s certificate is in the venue&apos;s transparency log, and every tree head seen agrees.</source>
        <translation>Le certificat de chaque membre figure dans le journal de transparence du forum, et toutes les têtes d&apos;arbre vues concordent.</translation>
    </message>
    <message>
        <source>The relay&apos;s directory could not be verified for this conversation. Keep the evidence below and tell your security officer.</source>
        <translation>L&apos;annuaire du relais n&apos;a pas pu être vérifié pour cette conversation. Conservez les éléments ci-dessous et prévenez votre responsable de la sécurité.</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>numéro de série</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>sujet</translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>alarme</translation>
    </message>
    <message>
        <source>Transparency log: my mission</source>
        <translation>Journal de transparence&#xa0;: ma mission</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Lecture du journal…</translation>
    </message>
    <message>
        <source>Issued certificates folder…</source>
        <translation>Dossier des certificats émis…</translation>
    </message>
    <message>
        <source>The mission&apos;s issued/ folder</source>
        <translation>Le dossier issued/ de la mission</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</source>
        <translation>
            <numerusform>%n alarme dans le journal (entrées&#xa0;: %1)&#xa0;: un certificat que cette mission n&apos;a pas émis. Révoquez-le et vérifiez qui détient la clé de la mission.</numerusform>
            <numerusform>%n alarmes dans le journal (entrées&#xa0;: %1)&#xa0;: un certificat que cette mission n&apos;a pas émis. Révoquez-le et vérifiez qui détient la clé de la mission.</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate the mission did not issue (log entries: %1, checked against its signed head).</source>
        <translation>Aucun certificat non émis par la mission (entrées du journal&#xa0;: %1, vérifiées par rapport à sa tête signée).</translation>
    </message>
    <message>
        <source>The log could not be checked: %1</source>
        <translation>Le journal n&apos;a pas pu être vérifié&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Venues</name>
    <message>
        <source>%1: %2 unread</source>
        <translation>%1&#xa0;: %2 non lu(s)</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>Add a venue — choose its home directory</source>
        <translation>Ajouter un forum — choisir son dossier de l&apos;appareil</translation>
    </message>
    <message>
        <source>Open venue</source>
        <translation>Ouvrir le forum</translation>
    </message>
    <message>
        <source>&amp;Open Corridor</source>
        <translation>&amp;Ouvrir Corridor</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>Venues: switch, open a known one, or add one</source>
        <translation>Forums&#xa0;: changer, ouvrir un forum connu ou en ajouter un</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close this venue</source>
        <translation>Fermer ce forum</translation>
    </message>
    <message>
        <source>Close this venue (its connection ends; the others keep running)</source>
        <translation>Fermer ce forum (sa connexion prend fin&#xa0;; les autres continuent)</translation>
    </message>
    <message>
        <source>%1 (not open)</source>
        <translation>%1 (non ouvert)</translation>
    </message>
    <message>
        <source>Add a venue…</source>
        <translation>Ajouter un forum…</translation>
    </message>
</context>
</TS>
