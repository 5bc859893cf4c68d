<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>an unexpected error (%1)</source>
        <translation>ein unerwarteter Fehler (%1)</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>this installation offers no demo venue</source>
        <translation>diese Installation bietet kein Demo-Forum an</translation>
    </message>
    <message>
        <source>Preparing the demo venue (an embedded relay on 127.0.0.1, several missions, channels of every kind)…</source>
        <translation>Das Demo-Forum wird vorbereitet (ein eingebettetes Relay auf 127.0.0.1, mehrere Missionen, Kanäle jeder Art)…</translation>
    </message>
    <message>
        <source>(demo venue)</source>
        <translation>(Demo-Forum)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this device&apos;s key file. Try again.</source>
        <translation>Falsche Passphrase: Sie öffnet die Schlüsseldatei dieses Geräts nicht. Bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>You are %1 (%2) of %3.</source>
        <translation>Sie sind %1 (%2) von der Mission %3.</translation>
    </message>
    <message>
        <source>Your certificate is valid until %1.</source>
        <translation>Ihr Zertifikat ist gültig bis %1.</translation>
    </message>
    <message>
        <source>Venue root (pinned): %1</source>
        <translation>Stammzertifikat des Forums (fixiert): %1</translation>
    </message>
    <message>
        <source>Could not open Corridor: %1</source>
        <translation>Corridor konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Could not open the venue in %1: %2</source>
        <translation>Das Forum in %1 konnte nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>Attach</name>
    <message>
        <source>Send a file</source>
        <translation>Datei senden</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Vorschau von %1</translation>
    </message>
    <message>
        <source>Send “%1” (%2) to “%3”? Everyone in the channel can download it; it cannot be recalled from their devices.</source>
        <translation>„%1“ (%2) an „%3“ senden? Alle im Kanal können sie herunterladen; sie lässt sich von deren Geräten nicht zurückholen.</translation>
    </message>
    <message>
        <source>&amp;Caption (optional):</source>
        <translation>&amp;Beschriftung (optional):</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>A backup holds the history of every channel, not this device&apos;s key nor its encryption state: a restored device is a new device. Its history from before is restored as readable, verified pages in its archive folder; once your mission&apos;s devices have added it, it reads new messages in every channel.</source>
        <translation>Eine Sicherung enthält den Verlauf aller Kanäle, nicht den Schlüssel dieses Geräts und nicht seinen Verschlüsselungszustand: Ein wiederhergestelltes Gerät ist ein neues Gerät. Sein früherer Verlauf wird als lesbare, geprüfte Seiten in seinem Archivordner wiederhergestellt; sobald die Geräte Ihrer Mission es hinzugefügt haben, liest es neue Nachrichten in jedem Kanal.</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>Verlauf sichern</translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>Verlauf wiederherstellen</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Passphrase der Sicherung</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Backup passphrase, again</source>
        <translation>Passphrase der Sicherung, noch einmal</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Noch einmal:</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>Geben Sie eine Passphrase ein.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Tagesordnung</translation>
    </message>
    <message>
        <source>&amp;Open the venue&apos;s calendar…</source>
        <translation>Kalender des Forums ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation>In den Kalender e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Could not read the calendar: %1</source>
        <translation>Der Kalender konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No calendar yet: open the file of regular meetings your venue hands out.</source>
        <translation>Noch kein Kalender: Öffnen Sie die Datei der regelmäßigen Sitzungen, die Ihr Forum ausgibt.</translation>
    </message>
    <message>
        <source>Times in UTC. The export keeps each meeting&apos;s recurrence and agenda.</source>
        <translation>Zeiten in UTC. Der Export behält Wiederholung und Tagesordnung jeder Sitzung.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Calendar written to %1</source>
        <translation>Kalender nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Open the venue&apos;s calendar</source>
        <translation>Kalender des Forums öffnen</translation>
    </message>
    <message>
        <source>Calendar (*.json)</source>
        <translation>Kalender (*.json)</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>In den Kalender exportieren</translation>
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
        <translation>Mitteilungen</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>Bilateral</translation>
    </message>
    <message>
        <source>Multilateral</source>
        <translation>Multilateral</translation>
    </message>
    <message>
        <source>Caucus</source>
        <translation>Abstimmungsrunde</translation>
    </message>
    <message>
        <source>Missions: %1</source>
        <translation>Missionen: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation>%1, %2 ungelesen</translation>
    </message>
    <message>
        <source>routing warning</source>
        <translation>Routing-Warnung</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation>Zu den neuesten Nachrichten springen</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Zurückziehen</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>Empfang &amp;bestätigen</translation>
    </message>
    <message>
        <source>&amp;Save attachment…</source>
        <translation>Anhang &amp;speichern…</translation>
    </message>
    <message>
        <source>Jump to the &amp;newest messages</source>
        <translation>Zu den &amp;neuesten Nachrichten springen</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>Erneut s&amp;enden</translation>
    </message>
    <message>
        <source>&amp;Discard unsent message</source>
        <translation>Nicht gesendete Nachricht &amp;verwerfen</translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation>Mit %1 reagieren</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n neue Nachricht ↓</numerusform>
            <numerusform>%n neue Nachrichten ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Re&amp;agieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Write a message — Enter sends, Shift+Enter for a new line</source>
        <translation>Nachricht schreiben — Eingabe sendet, Umschalt+Eingabe für eine neue Zeile</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>&amp;Anhängen…</translation>
    </message>
    <message>
        <source>Needs ac&amp;knowledgement</source>
        <translation>Empfangsbestätigung an&amp;fordern</translation>
    </message>
    <message>
        <source>Hotline: the other missions are asked to acknowledge</source>
        <translation>Hotline: Die anderen Missionen werden um Empfangsbestätigung gebeten</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Einstufung:</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>Ihre Nachricht wird bearbeitet</translation>
    </message>
</context>
<context>
    <name>Crisis</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>Blitz</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>dringend</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>gesehen</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>deputy</source>
        <translation>Stellvertretung</translation>
    </message>
    <message>
        <source>head of mission</source>
        <translation>Missionsleitung</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>meeting requested</source>
        <translation>Sitzung beantragt</translation>
    </message>
    <message>
        <source>meeting called</source>
        <translation>Sitzung einberufen</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>persönlich</translation>
    </message>
    <message>
        <source>remotely</source>
        <translation>aus der Ferne</translation>
    </message>
    <message>
        <source>represented</source>
        <translation>vertreten</translation>
    </message>
    <message>
        <source>cannot attend</source>
        <translation>verhindert</translation>
    </message>
    <message>
        <source>unanswered %1</source>
        <translation>seit %1 unbeantwortet</translation>
    </message>
    <message>
        <source>unanswered %1 — escalated to %2</source>
        <translation>seit %1 unbeantwortet — eskaliert an: %2</translation>
    </message>
    <message>
        <source>Hotline call</source>
        <translation>Hotline-Anruf</translation>
    </message>
    <message>
        <source>%1 (mission %2)</source>
        <translation>%1 (Mission %2)</translation>
    </message>
    <message>
        <source>Flash: reply within 10 minutes</source>
        <translation>Blitz: Antwort innerhalb von 10 Minuten</translation>
    </message>
    <message>
        <source>Urgent: reply within 1 hour</source>
        <translation>Dringend: Antwort innerhalb von 1 Stunde</translation>
    </message>
    <message>
        <source>Routine: reply within 24 hours</source>
        <translation>Routine: Antwort innerhalb von 24 Stunden</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Einzelheiten:</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Einstufung:</translation>
    </message>
    <message>
        <source>&amp;Call now</source>
        <translation>Jetzt &amp;anrufen</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>Ersuchen um Erläuterung</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;To mission:</source>
        <translation>An &amp;Mission:</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Was:</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>W&amp;o:</translation>
    </message>
    <message>
        <source>Wh&amp;en:</source>
        <translation>Wa&amp;nn:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Aktenzeichen:</translation>
    </message>
    <message>
        <source>The mission must reply within 48 hours.</source>
        <translation>Die Mission muss innerhalb von 48 Stunden antworten.</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>Ersuchen &amp;senden</translation>
    </message>
    <message>
        <source>Crisis desk</source>
        <translation>Krisenstab</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>Empfang &amp;bestätigen</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Von → an</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Eskalation</translation>
    </message>
    <message>
        <source>&amp;Call…</source>
        <translation>&amp;Anrufen…</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Empfang be&amp;stätigen</translation>
    </message>
    <message>
        <source>A&amp;nswer…</source>
        <translation>Ant&amp;worten…</translation>
    </message>
    <message>
        <source>&amp;Hotline</source>
        <translation>&amp;Hotline</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Uhr</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Zwischenfälle</translation>
    </message>
    <message>
        <source>&amp;Request…</source>
        <translation>&amp;Ersuchen…</translation>
    </message>
    <message>
        <source>Re&amp;ply…</source>
        <translation>Ant&amp;worten…</translation>
    </message>
    <message>
        <source>Ask the chair for a &amp;meeting</source>
        <translation>Den Vorsitz um eine &amp;Sitzung bitten</translation>
    </message>
    <message>
        <source>&amp;Explanations</source>
        <translation>&amp;Erläuterungen</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>Einberufen von</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Teilnahme</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Attending in person</source>
        <translation>Persönliche Teilnahme</translation>
    </message>
    <message>
        <source>Attending remotely</source>
        <translation>Teilnahme aus der Ferne</translation>
    </message>
    <message>
        <source>Represented by…</source>
        <translation>Vertreten durch…</translation>
    </message>
    <message>
        <source>Cannot attend</source>
        <translation>Keine Teilnahme möglich</translation>
    </message>
    <message>
        <source>who represents your mission</source>
        <translation>wer Ihre Mission vertritt</translation>
    </message>
    <message>
        <source>&amp;Answer for my mission</source>
        <translation>Für meine Mission &amp;antworten</translation>
    </message>
    <message>
        <source>Proposed in bilateral channels (nobody convenes there):</source>
        <translation>In bilateralen Kanälen vorgeschlagen (dort beruft niemand ein):</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Vorgeschlagen von</translation>
    </message>
    <message>
        <source>Place and agenda</source>
        <translation>Ort und Tagesordnung</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Acce&amp;pt</source>
        <translation>Anneh&amp;men</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Sitzungen</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>Ka&amp;lender</translation>
    </message>
    <message>
        <source>Ring even when Corridor was not opened: &amp;start it when I log in</source>
        <translation>Auch klingeln, wenn Corridor nicht geöffnet wurde: beim Anmelden &amp;starten</translation>
    </message>
    <message>
        <source>%1 HOTLINE CALL from %2: %3 — %4</source>
        <translation>%1 HOTLINE-ANRUF von %2: %3 — %4</translation>
    </message>
    <message>
        <source>On duty: %1 · deputy %2 · head of mission %3</source>
        <translation>Dienst: %1 · Stellvertretung %2 · Missionsleitung %3</translation>
    </message>
    <message>
        <source>No duty roster: every delegate of your mission is called</source>
        <translation>Kein Dienstplan: Alle Delegierten Ihrer Mission werden angerufen</translation>
    </message>
    <message>
        <source>Mission %1: someone on duty</source>
        <translation>Mission %1: jemand im Dienst</translation>
    </message>
    <message>
        <source>Mission %1: nobody on duty</source>
        <translation>Mission %1: niemand im Dienst</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation> (verspätet)</translation>
    </message>
    <message>
        <source>%1 accepts</source>
        <translation>%1 nimmt an</translation>
    </message>
    <message>
        <source>%1 declines</source>
        <translation>%1 lehnt ab</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>noch keine Antwort</translation>
    </message>
    <message>
        <source>%1 is available to talk until %2</source>
        <translation>%1 ist bis %2 für ein Gespräch verfügbar</translation>
    </message>
    <message>
        <source>Sent %1 · reply by %2</source>
        <translation>Gesendet %1 · Antwort bis %2</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1 durch %2 um %3</translation>
    </message>
    <message>
        <source>called %1 at %2%3</source>
        <translation>Stufe %1 angerufen um %2%3</translation>
    </message>
    <message>
        <source>Answer the call</source>
        <translation>Anruf beantworten</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Antwort:</translation>
    </message>
    <message>
        <source>Reply to the request</source>
        <translation>Ersuchen beantworten</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Erläuterung:</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>%1 (venue: %2)</source>
        <translation>%1 (Tagungsort: %2)</translation>
    </message>
    <message>
        <source>under silence; broken so far by %1</source>
        <translation>im Schweigeverfahren; bisher gebrochen von %1</translation>
    </message>
    <message>
        <source>under silence</source>
        <translation>im Schweigeverfahren</translation>
    </message>
    <message>
        <source>broken by %1</source>
        <translation>gebrochen von %1</translation>
    </message>
    <message>
        <source>disputed: break sent at %1, not confirmed</source>
        <translation>strittig: Einspruch um %1 gesendet, nicht bestätigt</translation>
    </message>
    <message>
        <source>pending: a later revision was not received</source>
        <translation>ausstehend: eine spätere Fassung ist nicht eingegangen</translation>
    </message>
    <message>
        <source>pending: awaiting closing statements from %1</source>
        <translation>ausstehend: Abschlusserklärungen von %1 fehlen</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>agreed by %1 of %2 missions at version %3</source>
        <translation>von %1 von %2 Missionen in Fassung %3 gebilligt</translation>
    </message>
    <message>
        <source>Editors take the lock first</source>
        <translation>Bearbeiter sperren zuerst</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <source>&amp;Silence period (hours):</source>
        <translation>&amp;Schweigefrist (Stunden):</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Einstufung:</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beschlüsse</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Fassung</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>&amp;Put under silence…</source>
        <translation>Ins &amp;Schweigeverfahren…</translation>
    </message>
    <message>
        <source>&amp;Break silence…</source>
        <translation>Schweigen &amp;brechen…</translation>
    </message>
    <message>
        <source>&amp;Withdraw my break</source>
        <translation>Meinen Einspruch &amp;zurückziehen</translation>
    </message>
    <message>
        <source>Re&amp;vise…</source>
        <translation>Über&amp;arbeiten…</translation>
    </message>
    <message>
        <source>&amp;Silence procedure</source>
        <translation>&amp;Schweigeverfahren</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fassung</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Zustimmung</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>&amp;New document…</source>
        <translation>&amp;Neues Dokument…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>&amp;Kommentieren…</translation>
    </message>
    <message>
        <source>Si&amp;gn off</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>&amp;Diff…</source>
        <translation>&amp;Unterschiede…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Drafting</source>
        <translation>&amp;Entwürfe</translation>
    </message>
    <message>
        <source>You take part as an observer: you cannot break silence or sign off.</source>
        <translation>Sie nehmen als Beobachter teil: Sie können das Schweigen nicht brechen und nichts freigeben.</translation>
    </message>
    <message>
        <source>Your break (%1) is not confirmed: %2 have not acknowledged it. Raise it by other means.</source>
        <translation>Ihr Einspruch (%1) ist nicht bestätigt: %2 haben ihn nicht quittiert. Melden Sie ihn auf anderem Weg.</translation>
    </message>
    <message>
        <source>Revision %1 put by %2 · text SHA-256 %3</source>
        <translation>Fassung %1 von %2 · SHA-256 des Textes %3</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>nicht bestätigt</translation>
    </message>
    <message>
        <source>%1 broke silence at %2: %3 (%4)</source>
        <translation>%1 hat das Schweigen um %2 gebrochen: %3 (%4)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>Version %1 by %2 at %3</source>
        <translation>Fassung %1 von %2 um %3</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>Beobachter</translation>
    </message>
    <message>
        <source>Signed off: %1</source>
        <translation>Freigegeben von: %1</translation>
    </message>
    <message>
        <source>Put a text under silence</source>
        <translation>Einen Text ins Schweigeverfahren geben</translation>
    </message>
    <message>
        <source>Break silence</source>
        <translation>Schweigen brechen</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>Revise the text (the clock restarts)</source>
        <translation>Text überarbeiten (die Frist beginnt neu)</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Neues Dokument</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Neue Fassung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Paragraph:</source>
        <translation>Absatz:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <source>From version:</source>
        <translation>Von Fassung:</translation>
    </message>
    <message>
        <source>Export the agreed text</source>
        <translation>Den gebilligten Text exportieren</translation>
    </message>
    <message>
        <source>D&amp;ecisions…</source>
        <translation>B&amp;eschlüsse…</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>My devices</source>
        <translation>Meine Geräte</translation>
    </message>
    <message>
        <source>Reading the venue directory…</source>
        <translation>Forumsverzeichnis wird gelesen…</translation>
    </message>
    <message>
        <source>&amp;Remove device…</source>
        <translation>Gerät &amp;entfernen…</translation>
    </message>
    <message>
        <source>Remove the selected device</source>
        <translation>Ausgewähltes Gerät entfernen</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>dieses Gerät</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) of yours in the venue. Remove one you lost: it can no longer connect, and it is removed from every channel.</source>
        <translation>
            <numerusform>%n Gerät von Ihnen im Forum. Entfernen Sie ein verlorenes: Es kann sich nicht mehr verbinden und wird aus allen Kanälen entfernt.</numerusform>
            <numerusform>%n Geräte von Ihnen im Forum. Entfernen Sie ein verlorenes: Es kann sich nicht mehr verbinden und wird aus allen Kanälen entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The devices could not be read: %1</source>
        <translation>Die Geräte konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1: it can no longer connect, and it is being removed from %n channel(s).</source>
        <translation>
            <numerusform>%1 entfernt: Es kann sich nicht mehr verbinden und wird aus %n Kanal entfernt.</numerusform>
            <numerusform>%1 entfernt: Es kann sich nicht mehr verbinden und wird aus %n Kanälen entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will no longer connect to the venue and is removed from its %n channel(s): it cannot read any new message. This cannot be undone. If it may be in other hands, also ask your mission to revoke its certificate.</source>
        <translation>
            <numerusform>Es kann sich nicht mehr mit dem Forum verbinden und wird aus seinem %n Kanal entfernt: Es kann keine neue Nachricht mehr lesen. Dies lässt sich nicht rückgängig machen. Falls es in fremde Hände geraten sein könnte, bitten Sie Ihre Mission, auch sein Zertifikat zu widerrufen.</numerusform>
            <numerusform>Es kann sich nicht mehr mit dem Forum verbinden und wird aus seinen %n Kanälen entfernt: Es kann keine neue Nachricht mehr lesen. Dies lässt sich nicht rückgängig machen. Falls es in fremde Hände geraten sein könnte, bitten Sie Ihre Mission, auch sein Zertifikat zu widerrufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>Gerät entfernen</translation>
    </message>
    <message>
        <source>Remove your device %1 (%2)?</source>
        <translation>Ihr Gerät %1 (%2) entfernen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Exactly two missions: yours and one other. Nobody can change the pair.</source>
        <translation>Genau zwei Missionen: Ihre und eine andere. Niemand kann das Paar ändern.</translation>
    </message>
    <message>
        <source>Several missions (a working group). You convene it and may change it.</source>
        <translation>Mehrere Missionen (eine Arbeitsgruppe). Sie berufen sie ein und dürfen sie ändern.</translation>
    </message>
    <message>
        <source>A private group of allied missions, invisible to everyone else.</source>
        <translation>Eine private Gruppe verbündeter Missionen, für alle anderen unsichtbar.</translation>
    </message>
    <message>
        <source>Every mission of the venue; only the chair posts. Chair only.</source>
        <translation>Alle Missionen des Forums; nur der Vorsitz veröffentlicht. Nur für den Vorsitz.</translation>
    </message>
    <message>
        <source>What kind of channel?</source>
        <translation>Welche Art von Kanal?</translation>
    </message>
    <message>
        <source>The kind decides who may join, who may change the members and who may post. It never changes later.</source>
        <translation>Die Art bestimmt, wer beitreten darf, wer die Mitglieder ändern darf und wer veröffentlichen darf. Sie ändert sich später nie.</translation>
    </message>
    <message>
        <source>&amp;Bilateral</source>
        <translation>&amp;Bilateral</translation>
    </message>
    <message>
        <source>&amp;Multilateral</source>
        <translation>&amp;Multilateral</translation>
    </message>
    <message>
        <source>&amp;Caucus</source>
        <translation>Abstimmungs&amp;runde</translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation>Mitteil&amp;ungen</translation>
    </message>
    <message>
        <source>Name and missions</source>
        <translation>Name und Missionen</translation>
    </message>
    <message>
        <source>For example: Working group on incident prevention</source>
        <translation>Zum Beispiel: Arbeitsgruppe Zwischenfallverhütung</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Missionen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Missions:</source>
        <translation>&amp;Missionen:</translation>
    </message>
    <message>
        <source>%1 (your mission)</source>
        <translation>%1 (Ihre Mission)</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>Geben Sie dem Kanal einen Namen.</translation>
    </message>
    <message>
        <source>✓ The channel policy allows this.</source>
        <translation>✓ Die Kanalrichtlinie erlaubt dies.</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>Neuer Kanal</translation>
    </message>
    <message>
        <source>QR code of the safety number</source>
        <translation>QR-Code der Sicherheitsnummer</translation>
    </message>
    <message>
        <source>QR code unavailable (install qrcode)</source>
        <translation>QR-Code nicht verfügbar (qrcode installieren)</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>%1 verifizieren</translation>
    </message>
    <message>
        <source>Compare these words with %1, in person or on a call you trust. If they match on both devices, nobody has substituted a key.</source>
        <translation>Vergleichen Sie diese Wörter mit %1, persönlich oder in einem Anruf, dem Sie vertrauen. Stimmen sie auf beiden Geräten überein, hat niemand einen Schlüssel ausgetauscht.</translation>
    </message>
    <message>
        <source>This device: %1
Their device: %2</source>
        <translation>Dieses Gerät: %1
Ihr Gerät: %2</translation>
    </message>
    <message>
        <source>They &amp;match — mark as verified</source>
        <translation>Sie &amp;stimmen überein — als verifiziert markieren</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
    <message>
        <source>Verified ✔ — close</source>
        <translation>Verifiziert ✔ — schließen</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Desktop-&amp;Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>Start Corridor when I log &amp;in (in the tray, so hotline calls ring)</source>
        <translation>Corridor beim Anmelden starten (&amp;im Infobereich, damit Hotline-Anrufe klingeln)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>A new language applies when Corridor restarts.</source>
        <translation>Eine neue Sprache gilt nach dem Neustart von Corridor.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Disappearing messages in “%1”:</source>
        <translation>&amp;Verschwindende Nachrichten in „%1“:</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Search this device&apos;s messages (whole words; “word*” for a prefix)</source>
        <translation>Nachrichten dieses Geräts durchsuchen (ganze Wörter; „Wort*“ für einen Wortanfang)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Post a revised agenda</source>
        <translation>Überarbeitete Tagesordnung veröffentlichen</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>&amp;Tagesordnung:</translation>
    </message>
    <message>
        <source>Convene an emergency meeting</source>
        <translation>Dringlichkeitssitzung einberufen</translation>
    </message>
    <message>
        <source>e.g. Conference room B</source>
        <translation>z. B. Konferenzraum B</translation>
    </message>
    <message>
        <source>Why the meeting is needed: every mission reads this before acknowledging.</source>
        <translation>Warum die Sitzung nötig ist: Jede Mission liest dies vor der Empfangsbestätigung.</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wann:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Link:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>&amp;Prüfen…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Convene now</source>
        <translation>Jetzt &amp;einberufen</translation>
    </message>
    <message>
        <source>Give the reason: every mission reads it before acknowledging.</source>
        <translation>Geben Sie den Grund an: Jede Mission liest ihn vor der Empfangsbestätigung.</translation>
    </message>
    <message>
        <source>That time is in the past.</source>
        <translation>Dieser Zeitpunkt liegt in der Vergangenheit.</translation>
    </message>
    <message>
        <source>Every mission in “%1” will be alarmed and asked to acknowledge.</source>
        <translation>Jede Mission in „%1“ wird alarmiert und um Empfangsbestätigung gebeten.</translation>
    </message>
    <message>
        <source>this channel</source>
        <translation>diesem Kanal</translation>
    </message>
    <message>
        <source>When: %1 (%2)</source>
        <translation>Wann: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation>Ort: %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Link: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Welcome to Corridor</source>
        <translation>Willkommen bei Corridor</translation>
    </message>
    <message>
        <source>This device is not enrolled in a venue yet (home: %1).</source>
        <translation>Dieses Gerät ist noch in keinem Forum registriert (Verzeichnis: %1).</translation>
    </message>
    <message>
        <source>Open a &amp;demo venue</source>
        <translation>&amp;Demo-Forum öffnen</translation>
    </message>
    <message>
        <source>A complete venue on this computer only (127.0.0.1): several missions, channels of every kind and delegates who answer.</source>
        <translation>Ein vollständiges Forum nur auf diesem Computer (127.0.0.1): mehrere Missionen, Kanäle jeder Art und Delegierte, die antworten.</translation>
    </message>
    <message>
        <source>&amp;Enrol this device…</source>
        <translation>Dieses Gerät &amp;registrieren…</translation>
    </message>
    <message>
        <source>You need your accreditation letter (the venue root fingerprint) and your mission admin.</source>
        <translation>Sie benötigen Ihr Akkreditierungsschreiben (den Fingerabdruck des Forum-Stammzertifikats) und den Administrator Ihrer Mission.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message>
        <source>Unlock Corridor</source>
        <translation>Corridor entsperren</translation>
    </message>
    <message>
        <source>This device&apos;s keys are in a passphrase-protected file (no OS keyring is in use). Enter its passphrase to open
%1</source>
        <translation>Die Schlüssel dieses Geräts liegen in einer passphrasegeschützten Datei (kein Schlüsselbund des Betriebssystems in Gebrauch). Geben Sie die Passphrase ein, um Folgendes zu öffnen:
%1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Geben Sie die Passphrase ein.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
    <message>
        <source>1. This device&apos;s key</source>
        <translation>1. Der Schlüssel dieses Geräts</translation>
    </message>
    <message>
        <source>Corridor makes a signature key on this computer (it never leaves it) and a certificate request for your mission admin.</source>
        <translation>Corridor erzeugt auf diesem Computer einen Signaturschlüssel (er verlässt ihn nie) und eine Zertifikatsanforderung für den Administrator Ihrer Mission.</translation>
    </message>
    <message>
        <source>as your mission admin gave it, e.g. amartin</source>
        <translation>wie vom Administrator Ihrer Mission vergeben, z. B. amartin</translation>
    </message>
    <message>
        <source>your name as others see it, e.g. Alice Martin</source>
        <translation>Ihr Name, wie andere ihn sehen, z. B. Alice Martin</translation>
    </message>
    <message>
        <source>&amp;Delegate id:</source>
        <translation>&amp;Delegierten-ID:</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>Angezeigter &amp;Name:</translation>
    </message>
    <message>
        <source>This computer has no usable OS keyring: the key goes into a file protected by a passphrase you choose now (at least %1 characters). You will type it each time Corridor starts.</source>
        <translation>Dieser Computer hat keinen nutzbaren Schlüsselbund: Der Schlüssel kommt in eine Datei, geschützt durch eine Passphrase, die Sie jetzt wählen (mindestens %1 Zeichen). Sie geben sie bei jedem Start von Corridor ein.</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Fill in your delegate id and display name.</source>
        <translation>Geben Sie Ihre Delegierten-ID und Ihren angezeigten Namen ein.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>Die Passphrase braucht mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen unterscheiden sich.</translation>
    </message>
    <message>
        <source>Making the key and the request…</source>
        <translation>Schlüssel und Anforderung werden erstellt…</translation>
    </message>
    <message>
        <source>2. Send the request to your mission admin</source>
        <translation>2. Senden Sie die Anforderung an den Administrator Ihrer Mission</translation>
    </message>
    <message>
        <source>They sign it and send you back your device certificate and your mission&apos;s certificate; the secretariat&apos;s venue root certificate comes with them.</source>
        <translation>Er signiert sie und schickt Ihnen Ihr Gerätezertifikat und das Zertifikat Ihrer Mission zurück; das Stammzertifikat des Forums vom Sekretariat liegt bei.</translation>
    </message>
    <message>
        <source>&amp;Save a copy of the request…</source>
        <translation>Eine Kopie der Anforderung &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Copy its location</source>
        <translation>Speicherort &amp;kopieren</translation>
    </message>
    <message>
        <source>Send it by your ministry&apos;s usual channel. The request holds no secret. You may close Corridor now: the next time it starts, it continues with the next step. When your admin calls to confirm, read them the device key above.</source>
        <translation>Senden Sie sie auf dem üblichen Weg Ihres Ministeriums. Die Anforderung enthält kein Geheimnis. Sie können Corridor jetzt schließen: Beim nächsten Start geht es mit dem nächsten Schritt weiter. Wenn Ihr Administrator zur Bestätigung anruft, lesen Sie ihm den obigen Geräteschlüssel vor.</translation>
    </message>
    <message>
        <source>Your request: %1</source>
        <translation>Ihre Anforderung: %1</translation>
    </message>
    <message>
        <source>Device key: %1</source>
        <translation>Geräteschlüssel: %1</translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation>Anforderung speichern</translation>
    </message>
    <message>
        <source>Certificate request (*.pem)</source>
        <translation>Zertifikatsanforderung (*.pem)</translation>
    </message>
    <message>
        <source>Your request: %1 (a copy is in %2)</source>
        <translation>Ihre Anforderung: %1 (eine Kopie liegt in %2)</translation>
    </message>
    <message>
        <source>3. Import your certificates</source>
        <translation>3. Importieren Sie Ihre Zertifikate</translation>
    </message>
    <message>
        <source>Choose the files your mission admin sent. The venue root is accepted only if its fingerprint matches your accreditation letter.</source>
        <translation>Wählen Sie die Dateien, die der Administrator Ihrer Mission geschickt hat. Das Stammzertifikat des Forums wird nur angenommen, wenn sein Fingerabdruck mit Ihrem Akkreditierungsschreiben übereinstimmt.</translation>
    </message>
    <message>
        <source>C&amp;hoose the files…</source>
        <translation>Dateien &amp;auswählen…</translation>
    </message>
    <message>
        <source>Your &amp;device certificate:</source>
        <translation>Ihr &amp;Gerätezertifikat:</translation>
    </message>
    <message>
        <source>Your &amp;mission&apos;s certificate:</source>
        <translation>Das Zertifikat Ihrer &amp;Mission:</translation>
    </message>
    <message>
        <source>The venue &amp;root certificate:</source>
        <translation>Das &amp;Stammzertifikat des Forums:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <source>64 hex digits or 32 words, from the letter</source>
        <translation>64 Hexadezimalziffern oder 32 Wörter aus dem Schreiben</translation>
    </message>
    <message>
        <source>Root &amp;fingerprint:</source>
        <translation>&amp;Fingerabdruck des Stammzertifikats:</translation>
    </message>
    <message>
        <source>Re&amp;lay address:</source>
        <translation>&amp;Relay-Adresse:</translation>
    </message>
    <message>
        <source>The files from your mission admin</source>
        <translation>Die Dateien vom Administrator Ihrer Mission</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>Es fehlt noch: %1</translation>
    </message>
    <message>
        <source>Choose a certificate</source>
        <translation>Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Checking the fingerprint and the certificates…</source>
        <translation>Fingerabdruck und Zertifikate werden geprüft…</translation>
    </message>
    <message>
        <source>4. Enrolled</source>
        <translation>4. Registriert</translation>
    </message>
    <message>
        <source>The venue root is pinned and your certificate verifies.</source>
        <translation>Das Stammzertifikat des Forums ist fixiert und Ihr Zertifikat ist gültig.</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>Dieses Gerät registrieren</translation>
    </message>
    <message>
        <source>&amp;Open the venue</source>
        <translation>Forum ö&amp;ffnen</translation>
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
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>&amp;New channel…</source>
        <translation>&amp;Neuer Kanal…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connection to the relay</source>
        <translation>Verbindung zum Relay</translation>
    </message>
    <message>
        <source>&amp;Corridor</source>
        <translation>&amp;Corridor</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Leave channel…</source>
        <translation>Kanal &amp;verlassen…</translation>
    </message>
    <message>
        <source>Transparency log: my &amp;mission…</source>
        <translation>Transparenzprotokoll: meine &amp;Mission…</translation>
    </message>
    <message>
        <source>C&amp;risis desk…</source>
        <translation>K&amp;risenstab…</translation>
    </message>
    <message>
        <source>My &amp;devices…</source>
        <translation>Meine &amp;Geräte…</translation>
    </message>
    <message>
        <source>E&amp;xport channel history…</source>
        <translation>Kanalverlauf e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Back up history…</source>
        <translation>Verlauf &amp;sichern…</translation>
    </message>
    <message>
        <source>Rest&amp;ore history…</source>
        <translation>Verlauf &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>M&amp;ute this channel</source>
        <translation>Diesen Kanal st&amp;ummschalten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>C&amp;hair</source>
        <translation>&amp;Vorsitz</translation>
    </message>
    <message>
        <source>Post a revised &amp;agenda…</source>
        <translation>Überarbeitete &amp;Tagesordnung veröffentlichen…</translation>
    </message>
    <message>
        <source>Convene an &amp;emergency meeting…</source>
        <translation>&amp;Dringlichkeitssitzung einberufen…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Kanäle</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Nachrichten</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>&amp;Verfassen</translation>
    </message>
    <message>
        <source>M&amp;embers</source>
        <translation>&amp;Mitglieder</translation>
    </message>
    <message>
        <source>Next &amp;unread channel</source>
        <translation>Nächster &amp;ungelesener Kanal</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <source>&amp;About Corridor</source>
        <translation>Über &amp;Corridor</translation>
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
        <translation>Corridor ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Corridor keeps running in the tray, so a hotline call can ring. Quit ends it.</source>
        <translation>Corridor läuft im Infobereich weiter, damit ein Hotline-Anruf klingeln kann. Beenden stoppt es.</translation>
    </message>
    <message>
        <source>Corridor — %1 unread</source>
        <translation>Corridor — %1 ungelesen</translation>
    </message>
    <message>
        <source>Classification ceiling: %1</source>
        <translation>Einstufungsobergrenze: %1</translation>
    </message>
    <message>
        <source>The venue&apos;s classification levels, lowest first: %1</source>
        <translation>Die Einstufungsstufen des Tagungsorts, niedrigste zuerst: %1</translation>
    </message>
    <message>
        <source>Only the chair posts in this notice channel.</source>
        <translation>Nur der Vorsitz veröffentlicht in diesem Mitteilungskanal.</translation>
    </message>
    <message>
        <source>You can no longer post in this channel.</source>
        <translation>Sie können in diesem Kanal nicht mehr veröffentlichen.</translation>
    </message>
    <message>
        <source>A message was not sent: %1</source>
        <translation>Eine Nachricht wurde nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Security alarm: the relay&apos;s directory — %1</source>
        <translation>Sicherheitsalarm: das Verzeichnis des Relays — %1</translation>
    </message>
    <message>
        <source>A change to this channel was voided by its missions</source>
        <translation>Eine Änderung dieses Kanals wurde von seinen Missionen aufgehoben</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>Offline — neue Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Emergency meeting</source>
        <translation>Dringlichkeitssitzung</translation>
    </message>
    <message>
        <source>%1 convened an emergency meeting</source>
        <translation>%1 hat eine Dringlichkeitssitzung einberufen</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Neue Nachricht von %1</translation>
    </message>
    <message>
        <source>⏱ Messages disappear after %1 (set by %2)</source>
        <translation>⏱ Nachrichten verschwinden nach %1 (eingestellt von %2)</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>ein Mitglied</translation>
    </message>
    <message>
        <source>About Corridor</source>
        <translation>Über Corridor</translation>
    </message>
    <message>
        <source>Corridor %1</source>
        <translation>Corridor %1</translation>
    </message>
    <message>
        <source>End-to-end-encrypted messaging (MLS, RFC 9420) for the delegations of a multilateral forum.
Licensed under the Apache License, Version 2.0.</source>
        <translation>Ende-zu-Ende-verschlüsselte Kommunikation (MLS, RFC 9420) für die Delegationen eines multilateralen Forums.
Lizenziert unter der Apache License, Version 2.0.</translation>
    </message>
    <message>
        <source>This device trusts the venue whose root certificate has the fingerprint:
%1
%2
Compare it with the one the secretariat published.</source>
        <translation>Dieses Gerät vertraut dem Forum, dessen Stammzertifikat diesen Fingerabdruck hat:
%1
%2
Vergleichen Sie ihn mit dem vom Sekretariat veröffentlichten.</translation>
    </message>
    <message>
        <source>Withdraw message</source>
        <translation>Nachricht zurückziehen</translation>
    </message>
    <message>
        <source>Withdraw this message for everyone in the channel?</source>
        <translation>Diese Nachricht für alle im Kanal zurückziehen?</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>Kanal verlassen</translation>
    </message>
    <message>
        <source>Leave “%1” on this device?</source>
        <translation>„%1“ auf diesem Gerät verlassen?</translation>
    </message>
    <message>
        <source>The messages you have stay readable on this device. It will receive no new messages in this channel, and the other members will see this device leave. Your other devices stay in the channel.</source>
        <translation>Ihre vorhandenen Nachrichten bleiben auf diesem Gerät lesbar. Es erhält keine neuen Nachrichten in diesem Kanal, und die anderen Mitglieder sehen, dass dieses Gerät geht. Ihre anderen Geräte bleiben im Kanal.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>You left “%1” on this device.</source>
        <translation>Sie haben „%1“ auf diesem Gerät verlassen.</translation>
    </message>
    <message>
        <source>Offline: leaving “%1” goes at the next connection.</source>
        <translation>Offline: Das Verlassen von „%1“ wird bei der nächsten Verbindung übermittelt.</translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation>Nachricht verwerfen</translation>
    </message>
    <message>
        <source>This message was never delivered. Delete it from this device?</source>
        <translation>Diese Nachricht wurde nie zugestellt. Von diesem Gerät löschen?</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation>„%1“ wird gesendet…</translation>
    </message>
    <message>
        <source>“%1” is queued; the conversation shows it as sent once the relay has it.</source>
        <translation>„%1“ ist in der Warteschlange; der Verlauf zeigt es als gesendet, sobald das Relais es hat.</translation>
    </message>
    <message>
        <source>“%1” is too large to send. Files up to %2 can be attached.</source>
        <translation>„%1“ ist zu groß zum Senden. Anhänge dürfen bis zu %2 groß sein.</translation>
    </message>
    <message>
        <source>The relay&apos;s storage for your attachments is full, so “%1” was not sent. Ask the secretariat, or try again later.</source>
        <translation>Der Speicher des Relays für Ihre Anhänge ist voll, daher wurde „%1“ nicht gesendet. Wenden Sie sich an das Sekretariat oder versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” was not sent. Try again when you are back online.</source>
        <translation>Das Relay ist nicht erreichbar, daher wurde „%1“ nicht gesendet. Versuchen Sie es erneut, sobald Sie wieder online sind.</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>„%1“ wurde nicht gesendet: %2</translation>
    </message>
    <message>
        <source>Attachment not sent</source>
        <translation>Anhang nicht gesendet</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>„%1“ wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>“%1” was NOT saved: the file the relay returned does not match what the sender sent (it was altered or damaged on the way). Nothing was written. Ask the sender to send it again.</source>
        <translation>„%1“ wurde NICHT gespeichert: Die vom Relay gelieferte Datei stimmt nicht mit dem überein, was der Absender gesendet hat (sie wurde unterwegs verändert oder beschädigt). Es wurde nichts geschrieben. Bitten Sie den Absender, sie erneut zu senden.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” could not be downloaded.</source>
        <translation>Das Relay ist nicht erreichbar, daher konnte „%1“ nicht heruntergeladen werden.</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>„%1“ konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Attachment not saved</source>
        <translation>Anhang nicht gespeichert</translation>
    </message>
    <message>
        <source>Creating “%1”…</source>
        <translation>„%1“ wird erstellt…</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>Verlauf sichern</translation>
    </message>
    <message numerus="yes">
        <source>Backed up the history of %n channel(s) to %1.</source>
        <translation>
            <numerusform>Verlauf von %n Kanal in %1 gesichert.</numerusform>
            <numerusform>Verlauf von %n Kanälen in %1 gesichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>Verlauf wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Restored the history of %n channel(s) into %1.</source>
        <translation>
            <numerusform>Verlauf von %n Kanal in %1 wiederhergestellt.</numerusform>
            <numerusform>Verlauf von %n Kanälen in %1 wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Muted: only emergency meetings, acknowledgement requests and hotline calls notify from this channel.</source>
        <translation>Stumm: Aus diesem Kanal benachrichtigen nur Dringlichkeitssitzungen, Bitten um Bestätigung und Hotline-Anrufe.</translation>
    </message>
    <message>
        <source>Notifications on for this channel.</source>
        <translation>Benachrichtigungen für diesen Kanal an.</translation>
    </message>
    <message>
        <source>Export channel history</source>
        <translation>Kanalverlauf exportieren</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1, signed by this device.</source>
        <translation>
            <numerusform>%n Nachricht nach %1 exportiert, signiert von diesem Gerät.</numerusform>
            <numerusform>%n Nachrichten nach %1 exportiert, signiert von diesem Gerät.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Marking</name>
    <message>
        <source>Classification marking: only the levels the channel&apos;s ceiling allows are offered</source>
        <translation>Einstufung: Nur die Stufen, die die Obergrenze des Kanals zulässt, werden angeboten</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Einstufung:</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>this device</source>
        <translation>dieses Gerät</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ verifiziert</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>nicht verifiziert</translation>
    </message>
    <message>
        <source>Device key %1</source>
        <translation>Geräteschlüssel %1</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>%1 · observer</source>
        <translation>%1 · Beobachter</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <source>read by %1</source>
        <translation>gelesen von %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>bestätigt von %1</translation>
    </message>
    <message>
        <source>awaiting acknowledgement</source>
        <translation>Empfangsbestätigung ausstehend</translation>
    </message>
    <message>
        <source>disappears %1</source>
        <translation>verschwindet %1</translation>
    </message>
    <message>
        <source>File: %1 · %2 · %3 — Save… (Ctrl+S)</source>
        <translation>Datei: %1 · %2 · %3 — Speichern… (Strg+S)</translation>
    </message>
    <message>
        <source>EMERGENCY MEETING</source>
        <translation>DRINGLICHKEITSSITZUNG</translation>
    </message>
    <message>
        <source>Agenda notice (revision %1)</source>
        <translation>Tagesordnungsmitteilung (Fassung %1)</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Sitzung: %1</translation>
    </message>
    <message>
        <source>Disappearing messages: %1</source>
        <translation>Verschwindende Nachrichten: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>eine frühere Nachricht</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>&amp;Notices and aid…</source>
        <translation>&amp;Notifikationen und Hilfe…</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>notifiziert</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n exercise(s)</source>
        <translation>
            <numerusform>%1: %n Übung</numerusform>
            <numerusform>%1: %n Übungen</numerusform>
        </translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>angefragt</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>angeboten</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>geliefert</translation>
    </message>
    <message>
        <source>Exercise notice</source>
        <translation>Übungsnotifikation</translation>
    </message>
    <message>
        <source>%1 (ceiling %2)</source>
        <translation>%1 (Obergrenze %2)</translation>
    </message>
    <message>
        <source>troops=3000, tanks=40</source>
        <translation>Truppen=3000, Panzer=40</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>No channel to send to</source>
        <translation>Kein Kanal zum Senden</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <source>Forces</source>
        <translation>Kräfte</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Request aid</source>
        <translation>Hilfe anfordern</translation>
    </message>
    <message>
        <source>water=20000:litres, tents=300</source>
        <translation>Wasser=20000:Liter, Zelte=300</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>Blitz</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>dringend</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Bedarf</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Dringlichkeit</translation>
    </message>
    <message>
        <source>Incident notification</source>
        <translation>Meldung eines Zwischenfalls</translation>
    </message>
    <message>
        <source>-90 to 90</source>
        <translation>-90 bis 90</translation>
    </message>
    <message>
        <source>-180 to 180</source>
        <translation>-180 bis 180</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 an %2: %3</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Units involved</source>
        <translation>Beteiligte Einheiten</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>Ersuchen um Erläuterung</translation>
    </message>
    <message>
        <source>Amend the annual exchange</source>
        <translation>Jahresaustausch ändern</translation>
    </message>
    <message>
        <source>Submit the annual exchange</source>
        <translation>Jahresaustausch einreichen</translation>
    </message>
    <message>
        <source>what the amendment changes</source>
        <translation>was die Änderung ändert</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Angaben</translation>
    </message>
    <message>
        <source>Amendment note</source>
        <translation>Änderungsvermerk</translation>
    </message>
    <message>
        <source>Say what the amendment changes</source>
        <translation>Sagen Sie, was die Änderung ändert</translation>
    </message>
    <message>
        <source>Due date of the annual exchange</source>
        <translation>Frist des Jahresaustauschs</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Fällig bis</translation>
    </message>
    <message>
        <source>The due date must be in the future</source>
        <translation>Die Frist muss in der Zukunft liegen</translation>
    </message>
    <message>
        <source>Publish a template</source>
        <translation>Vorlage veröffentlichen</translation>
    </message>
    <message>
        <source>ship-incident</source>
        <translation>ship-incident</translation>
    </message>
    <message>
        <source>time, position, ship, intent</source>
        <translation>Zeit, Position, Schiff, Absicht</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Fill in a template</source>
        <translation>Vorlage ausfüllen</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>No template has been published</source>
        <translation>Keine Vorlage veröffentlicht</translation>
    </message>
    <message>
        <source>Fill in %1</source>
        <translation>%1 ausfüllen</translation>
    </message>
    <message>
        <source>Notices and aid</source>
        <translation>Notifikationen und Hilfe</translation>
    </message>
    <message>
        <source>&amp;New exercise notice…</source>
        <translation>&amp;Neue Übungsnotifikation…</translation>
    </message>
    <message>
        <source>&amp;Cancel notice</source>
        <translation>Notifikation &amp;absagen</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Exercise register</source>
        <translation>Übungsregister</translation>
    </message>
    <message>
        <source>&amp;Request aid…</source>
        <translation>Hilfe an&amp;fordern…</translation>
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation>An&amp;bieten</translation>
    </message>
    <message>
        <source>&amp;Accept offer</source>
        <translation>Angebot an&amp;nehmen</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>Als &amp;geliefert markieren</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Bedarf</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unmet</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <source>Disaster aid</source>
        <translation>Katastrophenhilfe</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Report &amp;incident…</source>
        <translation>&amp;Zwischenfall melden…</translation>
    </message>
    <message>
        <source>&amp;Link to request</source>
        <translation>Mit Ersuchen &amp;verknüpfen</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Requests for explanation and their incidents</source>
        <translation>Ersuchen um Erläuterung und ihre Zwischenfälle</translation>
    </message>
    <message>
        <source>Asked of</source>
        <translation>Gerichtet an</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Zwischenfälle</translation>
    </message>
    <message>
        <source>&amp;Fill in template…</source>
        <translation>Vorlage &amp;ausfüllen…</translation>
    </message>
    <message>
        <source>&amp;Publish template…</source>
        <translation>Vorlage &amp;veröffentlichen…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>&amp;Einreichen…</translation>
    </message>
    <message>
        <source>Set &amp;due date…</source>
        <translation>&amp;Frist festlegen…</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Annual exchange</source>
        <translation>Jährlicher Austausch</translation>
    </message>
    <message>
        <source>&amp;Amend submission…</source>
        <translation>Einreichung &amp;ändern…</translation>
    </message>
    <message>
        <source>%1 (not held here)</source>
        <translation>%1 (hier nicht vorhanden)</translation>
    </message>
    <message>
        <source>Export the exercise register</source>
        <translation>Übungsregister exportieren</translation>
    </message>
    <message>
        <source>PDF for printing (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</source>
        <translation>PDF zum Drucken (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Corridor venue</source>
        <translation>Corridor-Forum</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>Alle Missionen</translation>
    </message>
    <message>
        <source>%1 (revision %2)</source>
        <translation>%1 (Revision %2)</translation>
    </message>
    <message>
        <source>Unmet needs: %1</source>
        <translation>Offener Bedarf: %1</translation>
    </message>
    <message>
        <source>No unmet needs</source>
        <translation>Kein offener Bedarf</translation>
    </message>
    <message>
        <source>Annual exchange %1, due %2</source>
        <translation>Jährlicher Austausch %1, fällig %2</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>nicht eingereicht</translation>
    </message>
    <message>
        <source>late</source>
        <translation>verspätet</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>No agenda has been posted yet.</source>
        <translation>Es wurde noch keine Tagesordnung veröffentlicht.</translation>
    </message>
    <message>
        <source>Post a revised a&amp;genda…</source>
        <translation>Überarbeitete &amp;Tagesordnung veröffentlichen…</translation>
    </message>
    <message>
        <source>Pinned agenda:</source>
        <translation>Angeheftete Tagesordnung:</translation>
    </message>
    <message>
        <source>Pinned agenda</source>
        <translation>Angeheftete Tagesordnung</translation>
    </message>
    <message>
        <source>Revision %1 · posted by %2 · %3</source>
        <translation>Fassung %1 · veröffentlicht von %2 · %3</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>Empfang &amp;bestätigen</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <source>Acknowledgement tracker</source>
        <translation>Übersicht der Empfangsbestätigungen</translation>
    </message>
    <message>
        <source>EMERGENCY — meeting convened by %1</source>
        <translation>DRINGEND — Sitzung einberufen von %1</translation>
    </message>
    <message>
        <source>%1 of %2 missions have not yet acknowledged: %3</source>
        <translation>Noch keine Empfangsbestätigung von %1 der %2 Missionen: %3</translation>
    </message>
    <message>
        <source>Every mission has acknowledged.</source>
        <translation>Alle Missionen haben den Empfang bestätigt.</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Empfang be&amp;stätigen</translation>
    </message>
    <message>
        <source>Hotline: %1 awaits your mission&apos;s acknowledgement: “%2”</source>
        <translation>Hotline: %1 wartet auf die Empfangsbestätigung Ihrer Mission: „%2“</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>(+%1 weitere)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Members by mission</source>
        <translation>Mitglieder nach Mission</translation>
    </message>
    <message>
        <source>&amp;Verify device…</source>
        <translation>Gerät &amp;verifizieren…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Everything in the app can be done from the keyboard: Tab moves between controls, the arrow keys within lists.</source>
        <translation>Alles in der App geht mit der Tastatur: Tab wechselt zwischen den Bedienelementen, die Pfeiltasten bewegen sich in Listen.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <source>✓ %1 — acknowledged by %2</source>
        <translation>✓ %1 — bestätigt von %2</translation>
    </message>
    <message>
        <source>✗ %1 — read, not yet acknowledged</source>
        <translation>✗ %1 — gelesen, noch nicht bestätigt</translation>
    </message>
    <message>
        <source>✗ %1 — not yet answered</source>
        <translation>✗ %1 — noch keine Antwort</translation>
    </message>
</context>
<context>
    <name>Transparency</name>
    <message>
        <source>Alarm: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <source>signed tree head: size %1, root %2</source>
        <translation>signierter Baumkopf: Größe %1, Wurzel %2</translation>
    </message>
    <message>
        <source>record (DER, %1 bytes): %2…</source>
        <translation>Eintrag (DER, %1 Bytes): %2…</translation>
    </message>
    <message>
        <source>Directory: checking…</source>
        <translation>Verzeichnis: wird geprüft…</translation>
    </message>
    <message>
        <source>✔ Directory verified</source>
        <translation>✔ Verzeichnis verifiziert</translation>
    </message>
    <message>
        <source>⚠ Directory not verified</source>
        <translation>⚠ Verzeichnis nicht verifiziert</translation>
    </message>
    <message>
        <source>Directory verification</source>
        <translation>Verzeichnisprüfung</translation>
    </message>
    <message>
        <source>Every member&apos;s certificate is in the venue&apos;s transparency log, and every tree head seen agrees.</source>
        <translation>Das Zertifikat jedes Mitglieds steht im Transparenzprotokoll des Forums, und alle gesehenen Baumköpfe stimmen überein.</translation>
    </message>
    <message>
        <source>The relay&apos;s directory could not be verified for this conversation. Keep the evidence below and tell your security officer.</source>
        <translation>Das Verzeichnis des Relays konnte für diese Unterhaltung nicht verifiziert werden. Bewahren Sie die folgenden Nachweise auf und informieren Sie Ihren Sicherheitsbeauftragten.</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Transparency log: my mission</source>
        <translation>Transparenzprotokoll: meine Mission</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Protokoll wird gelesen…</translation>
    </message>
    <message>
        <source>Issued certificates folder…</source>
        <translation>Ordner der ausgestellten Zertifikate…</translation>
    </message>
    <message>
        <source>The mission&apos;s issued/ folder</source>
        <translation>Der Ordner issued/ der Mission</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</source>
        <translation>
            <numerusform>%n Alarm im Protokoll (Einträge: %1): ein Zertifikat, das diese Mission nicht ausgestellt hat. Widerrufen Sie es und prüfen Sie, wer den Schlüssel der Mission besitzt.</numerusform>
            <numerusform>%n Alarme im Protokoll (Einträge: %1): ein Zertifikat, das diese Mission nicht ausgestellt hat. Widerrufen Sie es und prüfen Sie, wer den Schlüssel der Mission besitzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate the mission did not issue (log entries: %1, checked against its signed head).</source>
        <translation>Kein Zertifikat, das die Mission nicht ausgestellt hat (Protokolleinträge: %1, gegen seinen signierten Kopf geprüft).</translation>
    </message>
    <message>
        <source>The log could not be checked: %1</source>
        <translation>Das Protokoll konnte nicht geprüft werden: %1</translation>
    </message>
</context>
<context>
    <name>Venues</name>
    <message>
        <source>%1: %2 unread</source>
        <translation>%1: %2 ungelesen</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>Add a venue — choose its home directory</source>
        <translation>Forum hinzufügen — sein Geräteverzeichnis wählen</translation>
    </message>
    <message>
        <source>Open venue</source>
        <translation>Forum öffnen</translation>
    </message>
    <message>
        <source>&amp;Open Corridor</source>
        <translation>Corridor ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>Venues: switch, open a known one, or add one</source>
        <translation>Foren: wechseln, ein bekanntes öffnen oder eines hinzufügen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this venue</source>
        <translation>Dieses Forum schließen</translation>
    </message>
    <message>
        <source>Close this venue (its connection ends; the others keep running)</source>
        <translation>Dieses Forum schließen (seine Verbindung endet; die anderen laufen weiter)</translation>
    </message>
    <message>
        <source>%1 (not open)</source>
        <translation>%1 (nicht geöffnet)</translation>
    </message>
    <message>
        <source>Add a venue…</source>
        <translation>Forum hinzufügen…</translation>
    </message>
</context>
</TS>
