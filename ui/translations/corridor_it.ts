<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>an unexpected error (%1)</source>
        <translation>un errore imprevisto (%1)</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>this installation offers no demo venue</source>
        <translation>questa installazione non offre un forum dimostrativo</translation>
    </message>
    <message>
        <source>Preparing the demo venue (an embedded relay on 127.0.0.1, several missions, channels of every kind)…</source>
        <translation>Preparazione del forum dimostrativo (un relay integrato su 127.0.0.1, più missioni, canali di ogni tipo)…</translation>
    </message>
    <message>
        <source>(demo venue)</source>
        <translation>(forum dimostrativo)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Apertura di %1…</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this device&apos;s key file. Try again.</source>
        <translation>Passphrase errata: non apre il file delle chiavi di questo dispositivo. Riprova.</translation>
    </message>
    <message>
        <source>You are %1 (%2) of %3.</source>
        <translation>Sei %1 (%2), della missione %3.</translation>
    </message>
    <message>
        <source>Your certificate is valid until %1.</source>
        <translation>Il tuo certificato è valido fino al %1.</translation>
    </message>
    <message>
        <source>Venue root (pinned): %1</source>
        <translation>Radice del forum (fissata): %1</translation>
    </message>
    <message>
        <source>Could not open Corridor: %1</source>
        <translation>Impossibile aprire Corridor: %1</translation>
    </message>
    <message>
        <source>Could not open the venue in %1: %2</source>
        <translation>Impossibile aprire il forum in %1: %2</translation>
    </message>
</context>
<context>
    <name>Attach</name>
    <message>
        <source>Send a file</source>
        <translation>Invia un file</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Anteprima di %1</translation>
    </message>
    <message>
        <source>Send “%1” (%2) to “%3”? Everyone in the channel can download it; it cannot be recalled from their devices.</source>
        <translation>Inviare «%1» (%2) a «%3»? Tutti i membri del canale potranno scaricarlo; non potrà essere ritirato dai loro dispositivi.</translation>
    </message>
    <message>
        <source>&amp;Caption (optional):</source>
        <translation>&amp;Didascalia (facoltativa):</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Didascalia</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Invia</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>A backup holds the history of every channel, not this device&apos;s key nor its encryption state: a restored device is a new device. Its history from before is restored as readable, verified pages in its archive folder; once your mission&apos;s devices have added it, it reads new messages in every channel.</source>
        <translation>Un backup contiene la cronologia di ogni canale, non la chiave di questo dispositivo né il suo stato di cifratura: un dispositivo ripristinato è un nuovo dispositivo. La cronologia precedente viene ripristinata come pagine leggibili e verificate nella cartella dell’archivio; quando i dispositivi della tua missione lo avranno aggiunto, leggerà i nuovi messaggi di ogni canale.</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>Backup della cronologia</translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>Ripristina la cronologia</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Passphrase del backup</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Backup passphrase, again</source>
        <translation>Passphrase del backup, di nuovo</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>Di &amp;nuovo:</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>Inserisci una passphrase.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Le due passphrase non coincidono.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Riunione</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Luogo</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ordine del giorno</translation>
    </message>
    <message>
        <source>&amp;Open the venue&apos;s calendar…</source>
        <translation>&amp;Apri il calendario del foro…</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation>E&amp;sporta nel calendario…</translation>
    </message>
    <message>
        <source>Could not read the calendar: %1</source>
        <translation>Impossibile leggere il calendario: %1</translation>
    </message>
    <message>
        <source>No calendar yet: open the file of regular meetings your venue hands out.</source>
        <translation>Ancora nessun calendario: apri il file delle riunioni periodiche fornito dal tuo foro.</translation>
    </message>
    <message>
        <source>Times in UTC. The export keeps each meeting&apos;s recurrence and agenda.</source>
        <translation>Orari in UTC. L’esportazione conserva la ricorrenza e l’ordine del giorno di ogni riunione.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>Calendar written to %1</source>
        <translation>Calendario scritto in %1</translation>
    </message>
    <message>
        <source>Open the venue&apos;s calendar</source>
        <translation>Apri il calendario del foro</translation>
    </message>
    <message>
        <source>Calendar (*.json)</source>
        <translation>Calendario (*.json)</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>Esporta nel calendario</translation>
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
        <translation>Avvisi</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>Bilaterale</translation>
    </message>
    <message>
        <source>Multilateral</source>
        <translation>Multilaterale</translation>
    </message>
    <message>
        <source>Caucus</source>
        <translation>Gruppo ristretto</translation>
    </message>
    <message>
        <source>Missions: %1</source>
        <translation>Missioni: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avviso: %1</translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation>%1, %2 non letti</translation>
    </message>
    <message>
        <source>routing warning</source>
        <translation>avviso di instradamento</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>Messages</source>
        <translation>Messaggi</translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation>Vai ai messaggi più recenti</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Rispondi</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Ri&amp;tira</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Conferma ricezione</translation>
    </message>
    <message>
        <source>&amp;Save attachment…</source>
        <translation>&amp;Salva allegato…</translation>
    </message>
    <message>
        <source>Jump to the &amp;newest messages</source>
        <translation>Vai ai messaggi più &amp;recenti</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copia testo</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>Invia di &amp;nuovo</translation>
    </message>
    <message>
        <source>&amp;Discard unsent message</source>
        <translation>&amp;Scarta il messaggio non inviato</translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation>Reagisci con %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n nuovo messaggio ↓</numerusform>
            <numerusform>%n nuovi messaggi ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Re&amp;agisci</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Write a message — Enter sends, Shift+Enter for a new line</source>
        <translation>Scrivi un messaggio — Invio invia, Maiusc+Invio per andare a capo</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Invia</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>&amp;Allega…</translation>
    </message>
    <message>
        <source>Needs ac&amp;knowledgement</source>
        <translation>Richiede con&amp;ferma di ricezione</translation>
    </message>
    <message>
        <source>Hotline: the other missions are asked to acknowledge</source>
        <translation>Linea diretta: alle altre missioni è chiesto di confermare la ricezione</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Classifica</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>C&amp;lassifica:</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>In risposta a %1: %2</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>Modifica del tuo messaggio</translation>
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
        <translation>%1 fa</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>lampo</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgente</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>ordinaria</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>inviata</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>consegnata</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>vista</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>ricezione confermata</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>risposta data</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>di turno</translation>
    </message>
    <message>
        <source>deputy</source>
        <translation>sostituto</translation>
    </message>
    <message>
        <source>head of mission</source>
        <translation>capo missione</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>risposta data</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>scaduta</translation>
    </message>
    <message>
        <source>meeting requested</source>
        <translation>riunione richiesta</translation>
    </message>
    <message>
        <source>meeting called</source>
        <translation>riunione convocata</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>di persona</translation>
    </message>
    <message>
        <source>remotely</source>
        <translation>a distanza</translation>
    </message>
    <message>
        <source>represented</source>
        <translation>rappresentata</translation>
    </message>
    <message>
        <source>cannot attend</source>
        <translation>assente</translation>
    </message>
    <message>
        <source>unanswered %1</source>
        <translation>senza risposta da %1</translation>
    </message>
    <message>
        <source>unanswered %1 — escalated to %2</source>
        <translation>senza risposta da %1 — passata a: %2</translation>
    </message>
    <message>
        <source>Hotline call</source>
        <translation>Chiamata sulla linea diretta</translation>
    </message>
    <message>
        <source>%1 (mission %2)</source>
        <translation>%1 (missione %2)</translation>
    </message>
    <message>
        <source>Flash: reply within 10 minutes</source>
        <translation>Lampo: risposta entro 10 minuti</translation>
    </message>
    <message>
        <source>Urgent: reply within 1 hour</source>
        <translation>Urgente: risposta entro 1 ora</translation>
    </message>
    <message>
        <source>Routine: reply within 24 hours</source>
        <translation>Ordinaria: risposta entro 24 ore</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canale:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorità:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Oggetto:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Dettagli:</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>C&amp;lassifica:</translation>
    </message>
    <message>
        <source>&amp;Call now</source>
        <translation>&amp;Chiama ora</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>Richiesta di spiegazioni</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Canale:</translation>
    </message>
    <message>
        <source>&amp;To mission:</source>
        <translation>Alla &amp;missione:</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Cosa:</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>&amp;Dove:</translation>
    </message>
    <message>
        <source>Wh&amp;en:</source>
        <translation>&amp;Quando:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Riferimento:</translation>
    </message>
    <message>
        <source>The mission must reply within 48 hours.</source>
        <translation>La missione deve rispondere entro 48 ore.</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>&amp;Invia la richiesta</translation>
    </message>
    <message>
        <source>Crisis desk</source>
        <translation>Unità di crisi</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Conferma ricezione</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorità</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Da → a</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Classifica</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>Fasi</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>&amp;Call…</source>
        <translation>&amp;Chiama…</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Con&amp;ferma ricezione</translation>
    </message>
    <message>
        <source>A&amp;nswer…</source>
        <translation>&amp;Rispondi…</translation>
    </message>
    <message>
        <source>&amp;Hotline</source>
        <translation>&amp;Linea diretta</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidenti</translation>
    </message>
    <message>
        <source>&amp;Request…</source>
        <translation>&amp;Richiedi…</translation>
    </message>
    <message>
        <source>Re&amp;ply…</source>
        <translation>Ris&amp;pondi…</translation>
    </message>
    <message>
        <source>Ask the chair for a &amp;meeting</source>
        <translation>Chiedi una &amp;riunione alla presidenza</translation>
    </message>
    <message>
        <source>&amp;Explanations</source>
        <translation>&amp;Spiegazioni</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Riunione</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>Convocata da</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Partecipazione</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Nessuna risposta</translation>
    </message>
    <message>
        <source>Attending in person</source>
        <translation>Presenza di persona</translation>
    </message>
    <message>
        <source>Attending remotely</source>
        <translation>Presenza a distanza</translation>
    </message>
    <message>
        <source>Represented by…</source>
        <translation>Rappresentata da…</translation>
    </message>
    <message>
        <source>Cannot attend</source>
        <translation>Non può partecipare</translation>
    </message>
    <message>
        <source>who represents your mission</source>
        <translation>chi rappresenta la tua missione</translation>
    </message>
    <message>
        <source>&amp;Answer for my mission</source>
        <translation>&amp;Rispondi per la mia missione</translation>
    </message>
    <message>
        <source>Proposed in bilateral channels (nobody convenes there):</source>
        <translation>Proposte nei canali bilaterali (lì nessuno convoca):</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Proposta da</translation>
    </message>
    <message>
        <source>Place and agenda</source>
        <translation>Luogo e ordine del giorno</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Risposta</translation>
    </message>
    <message>
        <source>Acce&amp;pt</source>
        <translation>Acce&amp;tta</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>&amp;Rifiuta</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Riunioni</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>Ca&amp;lendario</translation>
    </message>
    <message>
        <source>Ring even when Corridor was not opened: &amp;start it when I log in</source>
        <translation>Suonare anche se Corridor non è stato aperto: &amp;avvialo all’accesso</translation>
    </message>
    <message>
        <source>%1 HOTLINE CALL from %2: %3 — %4</source>
        <translation>CHIAMATA %1 SULLA LINEA DIRETTA da %2: %3 — %4</translation>
    </message>
    <message>
        <source>On duty: %1 · deputy %2 · head of mission %3</source>
        <translation>Di turno: %1 · sostituto %2 · capo missione %3</translation>
    </message>
    <message>
        <source>No duty roster: every delegate of your mission is called</source>
        <translation>Nessun turno di servizio: sono chiamati tutti i delegati della tua missione</translation>
    </message>
    <message>
        <source>Mission %1: someone on duty</source>
        <translation>Missione %1: qualcuno di turno</translation>
    </message>
    <message>
        <source>Mission %1: nobody on duty</source>
        <translation>Missione %1: nessuno di turno</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation> (in ritardo)</translation>
    </message>
    <message>
        <source>%1 accepts</source>
        <translation>%1 accetta</translation>
    </message>
    <message>
        <source>%1 declines</source>
        <translation>%1 rifiuta</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>ancora nessuna risposta</translation>
    </message>
    <message>
        <source>%1 is available to talk until %2</source>
        <translation>%1 è disponibile a parlare fino alle %2</translation>
    </message>
    <message>
        <source>Sent %1 · reply by %2</source>
        <translation>Inviata %1 · risposta entro %2</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1 da %2 alle %3</translation>
    </message>
    <message>
        <source>called %1 at %2%3</source>
        <translation>livello %1 chiamato alle %2%3</translation>
    </message>
    <message>
        <source>Answer the call</source>
        <translation>Rispondi alla chiamata</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Risposta:</translation>
    </message>
    <message>
        <source>Reply to the request</source>
        <translation>Rispondi alla richiesta</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Spiegazione:</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>%1 (venue: %2)</source>
        <translation>%1 (sede: %2)</translation>
    </message>
    <message>
        <source>under silence; broken so far by %1</source>
        <translation>in silenzio; finora rotto da %1</translation>
    </message>
    <message>
        <source>under silence</source>
        <translation>in silenzio</translation>
    </message>
    <message>
        <source>broken by %1</source>
        <translation>rotto da %1</translation>
    </message>
    <message>
        <source>disputed: break sent at %1, not confirmed</source>
        <translation>contestato: rottura inviata alle %1, non confermata</translation>
    </message>
    <message>
        <source>pending: a later revision was not received</source>
        <translation>in attesa: una revisione successiva non è stata ricevuta</translation>
    </message>
    <message>
        <source>pending: awaiting closing statements from %1</source>
        <translation>in attesa: mancano le dichiarazioni di chiusura di %1</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>adottato</translation>
    </message>
    <message>
        <source>agreed by %1 of %2 missions at version %3</source>
        <translation>approvato da %1 missioni su %2 alla versione %3</translation>
    </message>
    <message>
        <source>Editors take the lock first</source>
        <translation>Gli editori prendono prima il blocco</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Canale:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titolo:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;sto:</translation>
    </message>
    <message>
        <source>&amp;Silence period (hours):</source>
        <translation>&amp;Periodo di silenzio (ore):</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>C&amp;lassifica:</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisioni</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Testo</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisione</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Classifica</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>&amp;Put under silence…</source>
        <translation>&amp;Mettere in silenzio…</translation>
    </message>
    <message>
        <source>&amp;Break silence…</source>
        <translation>&amp;Rompere il silenzio…</translation>
    </message>
    <message>
        <source>&amp;Withdraw my break</source>
        <translation>Ri&amp;tirare la mia rottura</translation>
    </message>
    <message>
        <source>Re&amp;vise…</source>
        <translation>Re&amp;visionare…</translation>
    </message>
    <message>
        <source>&amp;Silence procedure</source>
        <translation>&amp;Procedura del silenzio</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versione</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accordo</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Blocco</translation>
    </message>
    <message>
        <source>&amp;New document…</source>
        <translation>&amp;Nuovo documento…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>&amp;Commenta…</translation>
    </message>
    <message>
        <source>Si&amp;gn off</source>
        <translation>&amp;Approvare</translation>
    </message>
    <message>
        <source>&amp;Diff…</source>
        <translation>&amp;Differenze…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;sporta…</translation>
    </message>
    <message>
        <source>&amp;Drafting</source>
        <translation>&amp;Redazione</translation>
    </message>
    <message>
        <source>You take part as an observer: you cannot break silence or sign off.</source>
        <translation>Partecipa come osservatore: non può rompere il silenzio né approvare.</translation>
    </message>
    <message>
        <source>Your break (%1) is not confirmed: %2 have not acknowledged it. Raise it by other means.</source>
        <translation>La sua rottura (%1) non è confermata: %2 non ne hanno dato conferma. La segnali con altri mezzi.</translation>
    </message>
    <message>
        <source>Revision %1 put by %2 · text SHA-256 %3</source>
        <translation>Revisione %1 presentata da %2 · SHA-256 del testo %3</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>ritirata</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confermata</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>non confermata</translation>
    </message>
    <message>
        <source>%1 broke silence at %2: %3 (%4)</source>
        <translation>%1 ha rotto il silenzio alle %2: %3 (%4)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Esito: %1</translation>
    </message>
    <message>
        <source>Version %1 by %2 at %3</source>
        <translation>Versione %1 di %2 alle %3</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>osservatore</translation>
    </message>
    <message>
        <source>Signed off: %1</source>
        <translation>Approvato da: %1</translation>
    </message>
    <message>
        <source>Put a text under silence</source>
        <translation>Mettere un testo in silenzio</translation>
    </message>
    <message>
        <source>Break silence</source>
        <translation>Rompere il silenzio</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Revise the text (the clock restarts)</source>
        <translation>Revisionare il testo (il termine ricomincia)</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Nuovo documento</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Nuova versione</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commento</translation>
    </message>
    <message>
        <source>Paragraph:</source>
        <translation>Paragrafo:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Commento:</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Differenze</translation>
    </message>
    <message>
        <source>From version:</source>
        <translation>Dalla versione:</translation>
    </message>
    <message>
        <source>Export the agreed text</source>
        <translation>Esportare il testo approvato</translation>
    </message>
    <message>
        <source>D&amp;ecisions…</source>
        <translation>D&amp;ecisioni…</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canali</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>My devices</source>
        <translation>I miei dispositivi</translation>
    </message>
    <message>
        <source>Reading the venue directory…</source>
        <translation>Lettura della rubrica del forum…</translation>
    </message>
    <message>
        <source>&amp;Remove device…</source>
        <translation>&amp;Rimuovi dispositivo…</translation>
    </message>
    <message>
        <source>Remove the selected device</source>
        <translation>Rimuovi il dispositivo selezionato</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>questo dispositivo</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>rimosso</translation>
    </message>
    <message>
        <source>active</source>
        <translation>attivo</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) of yours in the venue. Remove one you lost: it can no longer connect, and it is removed from every channel.</source>
        <translation>
            <numerusform>%n dispositivo tuo nel forum. Rimuovi quello che hai perso: non potrà più connettersi e sarà rimosso da tutti i canali.</numerusform>
            <numerusform>%n dispositivi tuoi nel forum. Rimuovi quello che hai perso: non potrà più connettersi e sarà rimosso da tutti i canali.</numerusform>
        </translation>
    </message>
    <message>
        <source>The devices could not be read: %1</source>
        <translation>Impossibile leggere i dispositivi: %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1: it can no longer connect, and it is being removed from %n channel(s).</source>
        <translation>
            <numerusform>%1 rimosso: non può più connettersi e viene rimosso da %n canale.</numerusform>
            <numerusform>%1 rimosso: non può più connettersi e viene rimosso da %n canali.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will no longer connect to the venue and is removed from its %n channel(s): it cannot read any new message. This cannot be undone. If it may be in other hands, also ask your mission to revoke its certificate.</source>
        <translation>
            <numerusform>Non potrà più connettersi al forum e sarà rimosso dal suo %n canale: non potrà leggere alcun nuovo messaggio. L’operazione è irreversibile. Se potrebbe essere in altre mani, chiedi anche alla tua missione di revocarne il certificato.</numerusform>
            <numerusform>Non potrà più connettersi al forum e sarà rimosso dai suoi %n canali: non potrà leggere alcun nuovo messaggio. L’operazione è irreversibile. Se potrebbe essere in altre mani, chiedi anche alla tua missione di revocarne il certificato.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>Rimuovi dispositivo</translation>
    </message>
    <message>
        <source>Remove your device %1 (%2)?</source>
        <translation>Rimuovere il tuo dispositivo %1 (%2)?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Rimozione…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Exactly two missions: yours and one other. Nobody can change the pair.</source>
        <translation>Esattamente due missioni: la tua e un&apos;altra. Nessuno può cambiare la coppia.</translation>
    </message>
    <message>
        <source>Several missions (a working group). You convene it and may change it.</source>
        <translation>Più missioni (un gruppo di lavoro). Lo convochi tu e puoi modificarlo.</translation>
    </message>
    <message>
        <source>A private group of allied missions, invisible to everyone else.</source>
        <translation>Un gruppo privato di missioni alleate, invisibile a tutte le altre.</translation>
    </message>
    <message>
        <source>Every mission of the venue; only the chair posts. Chair only.</source>
        <translation>Tutte le missioni del forum; pubblica solo la presidenza. Solo per la presidenza.</translation>
    </message>
    <message>
        <source>What kind of channel?</source>
        <translation>Che tipo di canale?</translation>
    </message>
    <message>
        <source>The kind decides who may join, who may change the members and who may post. It never changes later.</source>
        <translation>Il tipo decide chi può aderire, chi può cambiare i membri e chi può pubblicare. Non cambia mai in seguito.</translation>
    </message>
    <message>
        <source>&amp;Bilateral</source>
        <translation>&amp;Bilaterale</translation>
    </message>
    <message>
        <source>&amp;Multilateral</source>
        <translation>&amp;Multilaterale</translation>
    </message>
    <message>
        <source>&amp;Caucus</source>
        <translation>&amp;Gruppo ristretto</translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation>A&amp;vvisi</translation>
    </message>
    <message>
        <source>Name and missions</source>
        <translation>Nome e missioni</translation>
    </message>
    <message>
        <source>For example: Working group on incident prevention</source>
        <translation>Per esempio: Gruppo di lavoro sulla prevenzione degli incidenti</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Missioni</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Missions:</source>
        <translation>&amp;Missioni:</translation>
    </message>
    <message>
        <source>%1 (your mission)</source>
        <translation>%1 (la tua missione)</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>Dai un nome al canale.</translation>
    </message>
    <message>
        <source>✓ The channel policy allows this.</source>
        <translation>✓ La politica del canale lo consente.</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>Nuovo canale</translation>
    </message>
    <message>
        <source>QR code of the safety number</source>
        <translation>Codice QR del numero di sicurezza</translation>
    </message>
    <message>
        <source>QR code unavailable (install qrcode)</source>
        <translation>Codice QR non disponibile (installa qrcode)</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>Verifica %1</translation>
    </message>
    <message>
        <source>Compare these words with %1, in person or on a call you trust. If they match on both devices, nobody has substituted a key.</source>
        <translation>Confronta queste parole con %1, di persona o in una chiamata di cui ti fidi. Se coincidono su entrambi i dispositivi, nessuno ha sostituito una chiave.</translation>
    </message>
    <message>
        <source>This device: %1
Their device: %2</source>
        <translation>Questo dispositivo: %1
Il suo dispositivo: %2</translation>
    </message>
    <message>
        <source>They &amp;match — mark as verified</source>
        <translation>&amp;Coincidono — segna come verificato</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Non ora</translation>
    </message>
    <message>
        <source>Verified ✔ — close</source>
        <translation>Verificato ✔ — chiudi</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Disattivati</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 ora</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 giorno</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 settimana</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Mostra le &amp;notifiche sul desktop</translation>
    </message>
    <message>
        <source>Start Corridor when I log &amp;in (in the tray, so hotline calls ring)</source>
        <translation>Avvia Corridor all’accesso (&amp;nell’area di notifica, così le chiamate della linea diretta suonano)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Chiaro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Scuro</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Lingua di sistema</translation>
    </message>
    <message>
        <source>A new language applies when Corridor restarts.</source>
        <translation>Una nuova lingua si applica al riavvio di Corridor.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>&amp;Disappearing messages in “%1”:</source>
        <translation>Messaggi a &amp;scomparsa in «%1»:</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Cerca nei messaggi</translation>
    </message>
    <message>
        <source>Search this device&apos;s messages (whole words; “word*” for a prefix)</source>
        <translation>Cerca nei messaggi di questo dispositivo (parole intere; «parola*» per un prefisso)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Risultati</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n risultato</numerusform>
            <numerusform>%n risultati</numerusform>
        </translation>
    </message>
    <message>
        <source>Post a revised agenda</source>
        <translation>Pubblica un ordine del giorno rivisto</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titolo:</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>&amp;Ordine del giorno:</translation>
    </message>
    <message>
        <source>Convene an emergency meeting</source>
        <translation>Convoca una riunione d&apos;emergenza</translation>
    </message>
    <message>
        <source>e.g. Conference room B</source>
        <translation>ad es. Sala conferenze B</translation>
    </message>
    <message>
        <source>Why the meeting is needed: every mission reads this before acknowledging.</source>
        <translation>Perché la riunione è necessaria: ogni missione lo legge prima di confermare la ricezione.</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Quando:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Luogo:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Link:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>&amp;Rivedi…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Indietro</translation>
    </message>
    <message>
        <source>&amp;Convene now</source>
        <translation>&amp;Convoca ora</translation>
    </message>
    <message>
        <source>Give the reason: every mission reads it before acknowledging.</source>
        <translation>Indica il motivo: ogni missione lo legge prima di confermare la ricezione.</translation>
    </message>
    <message>
        <source>That time is in the past.</source>
        <translation>Quell&apos;ora è già passata.</translation>
    </message>
    <message>
        <source>Every mission in “%1” will be alarmed and asked to acknowledge.</source>
        <translation>Ogni missione in «%1» riceverà un allarme e le sarà chiesto di confermare la ricezione.</translation>
    </message>
    <message>
        <source>this channel</source>
        <translation>questo canale</translation>
    </message>
    <message>
        <source>When: %1 (%2)</source>
        <translation>Quando: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>tra %n minuto</numerusform>
            <numerusform>tra %n minuti</numerusform>
        </translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation>Luogo: %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Link: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>Welcome to Corridor</source>
        <translation>Benvenuto in Corridor</translation>
    </message>
    <message>
        <source>This device is not enrolled in a venue yet (home: %1).</source>
        <translation>Questo dispositivo non è ancora registrato in alcun forum (cartella: %1).</translation>
    </message>
    <message>
        <source>Open a &amp;demo venue</source>
        <translation>Apri un forum &amp;dimostrativo</translation>
    </message>
    <message>
        <source>A complete venue on this computer only (127.0.0.1): several missions, channels of every kind and delegates who answer.</source>
        <translation>Un forum completo solo su questo computer (127.0.0.1): più missioni, canali di ogni tipo e delegati che rispondono.</translation>
    </message>
    <message>
        <source>&amp;Enrol this device…</source>
        <translation>&amp;Registra questo dispositivo…</translation>
    </message>
    <message>
        <source>You need your accreditation letter (the venue root fingerprint) and your mission admin.</source>
        <translation>Ti servono la lettera di accreditamento (l&apos;impronta della radice del forum) e l&apos;amministratore della tua missione.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n giorno</numerusform>
            <numerusform>%n giorni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ora</numerusform>
            <numerusform>%n ore</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minuti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n secondo</numerusform>
            <numerusform>%n secondi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message>
        <source>Unlock Corridor</source>
        <translation>Sblocca Corridor</translation>
    </message>
    <message>
        <source>This device&apos;s keys are in a passphrase-protected file (no OS keyring is in use). Enter its passphrase to open
%1</source>
        <translation>Le chiavi di questo dispositivo sono in un file protetto da passphrase (nessun portachiavi di sistema in uso). Inserisci la passphrase per aprire
%1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Sblocca</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Inserisci la passphrase.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Sblocco in corso…</translation>
    </message>
    <message>
        <source>1. This device&apos;s key</source>
        <translation>1. La chiave di questo dispositivo</translation>
    </message>
    <message>
        <source>Corridor makes a signature key on this computer (it never leaves it) and a certificate request for your mission admin.</source>
        <translation>Corridor crea una chiave di firma su questo computer (non lo lascia mai) e una richiesta di certificato per l&apos;amministratore della tua missione.</translation>
    </message>
    <message>
        <source>as your mission admin gave it, e.g. amartin</source>
        <translation>come te l&apos;ha dato l&apos;amministratore della missione, ad es. amartin</translation>
    </message>
    <message>
        <source>your name as others see it, e.g. Alice Martin</source>
        <translation>il tuo nome come lo vedono gli altri, ad es. Alice Martin</translation>
    </message>
    <message>
        <source>&amp;Delegate id:</source>
        <translation>&amp;ID delegato:</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>&amp;Nome visualizzato:</translation>
    </message>
    <message>
        <source>This computer has no usable OS keyring: the key goes into a file protected by a passphrase you choose now (at least %1 characters). You will type it each time Corridor starts.</source>
        <translation>Questo computer non ha un portachiavi di sistema utilizzabile: la chiave va in un file protetto da una passphrase che scegli ora (almeno %1 caratteri). La digiterai a ogni avvio di Corridor.</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Ripetila:</translation>
    </message>
    <message>
        <source>Fill in your delegate id and display name.</source>
        <translation>Inserisci il tuo ID delegato e il nome visualizzato.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>La passphrase richiede almeno %1 caratteri.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Le due passphrase sono diverse.</translation>
    </message>
    <message>
        <source>Making the key and the request…</source>
        <translation>Creazione della chiave e della richiesta…</translation>
    </message>
    <message>
        <source>2. Send the request to your mission admin</source>
        <translation>2. Invia la richiesta all&apos;amministratore della tua missione</translation>
    </message>
    <message>
        <source>They sign it and send you back your device certificate and your mission&apos;s certificate; the secretariat&apos;s venue root certificate comes with them.</source>
        <translation>La firma e ti rimanda il certificato del dispositivo e quello della tua missione; il certificato radice del forum, della segreteria, li accompagna.</translation>
    </message>
    <message>
        <source>&amp;Save a copy of the request…</source>
        <translation>&amp;Salva una copia della richiesta…</translation>
    </message>
    <message>
        <source>&amp;Copy its location</source>
        <translation>&amp;Copia il percorso</translation>
    </message>
    <message>
        <source>Send it by your ministry&apos;s usual channel. The request holds no secret. You may close Corridor now: the next time it starts, it continues with the next step. When your admin calls to confirm, read them the device key above.</source>
        <translation>Inviala tramite il canale abituale del tuo ministero. La richiesta non contiene segreti. Puoi chiudere Corridor ora: al prossimo avvio riprenderà dal passo successivo. Quando l&apos;amministratore chiama per conferma, leggigli la chiave del dispositivo qui sopra.</translation>
    </message>
    <message>
        <source>Your request: %1</source>
        <translation>La tua richiesta: %1</translation>
    </message>
    <message>
        <source>Device key: %1</source>
        <translation>Chiave del dispositivo: %1</translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation>Salva la richiesta</translation>
    </message>
    <message>
        <source>Certificate request (*.pem)</source>
        <translation>Richiesta di certificato (*.pem)</translation>
    </message>
    <message>
        <source>Your request: %1 (a copy is in %2)</source>
        <translation>La tua richiesta: %1 (una copia è in %2)</translation>
    </message>
    <message>
        <source>3. Import your certificates</source>
        <translation>3. Importa i tuoi certificati</translation>
    </message>
    <message>
        <source>Choose the files your mission admin sent. The venue root is accepted only if its fingerprint matches your accreditation letter.</source>
        <translation>Scegli i file inviati dall&apos;amministratore della tua missione. La radice del forum è accettata solo se la sua impronta corrisponde alla tua lettera di accreditamento.</translation>
    </message>
    <message>
        <source>C&amp;hoose the files…</source>
        <translation>Scegli i &amp;file…</translation>
    </message>
    <message>
        <source>Your &amp;device certificate:</source>
        <translation>Il certificato del &amp;dispositivo:</translation>
    </message>
    <message>
        <source>Your &amp;mission&apos;s certificate:</source>
        <translation>Il certificato della tua &amp;missione:</translation>
    </message>
    <message>
        <source>The venue &amp;root certificate:</source>
        <translation>Il certificato &amp;radice del forum:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Sfoglia…</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Sfoglia</translation>
    </message>
    <message>
        <source>64 hex digits or 32 words, from the letter</source>
        <translation>64 cifre esadecimali o 32 parole, dalla lettera</translation>
    </message>
    <message>
        <source>Root &amp;fingerprint:</source>
        <translation>&amp;Impronta della radice:</translation>
    </message>
    <message>
        <source>Re&amp;lay address:</source>
        <translation>Indirizzo del re&amp;lay:</translation>
    </message>
    <message>
        <source>The files from your mission admin</source>
        <translation>I file dall&apos;amministratore della tua missione</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificati (*.pem *.crt *.cer *.der);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>Manca ancora: %1</translation>
    </message>
    <message>
        <source>Choose a certificate</source>
        <translation>Scegli un certificato</translation>
    </message>
    <message>
        <source>Checking the fingerprint and the certificates…</source>
        <translation>Verifica dell&apos;impronta e dei certificati…</translation>
    </message>
    <message>
        <source>4. Enrolled</source>
        <translation>4. Registrato</translation>
    </message>
    <message>
        <source>The venue root is pinned and your certificate verifies.</source>
        <translation>La radice del forum è fissata e il tuo certificato è valido.</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>Registra questo dispositivo</translation>
    </message>
    <message>
        <source>&amp;Open the venue</source>
        <translation>&amp;Apri il forum</translation>
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
        <translation>Canali</translation>
    </message>
    <message>
        <source>&amp;New channel…</source>
        <translation>&amp;Nuovo canale…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connessione…</translation>
    </message>
    <message>
        <source>Connection to the relay</source>
        <translation>Connessione al relay</translation>
    </message>
    <message>
        <source>&amp;Corridor</source>
        <translation>&amp;Corridor</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Cerca…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Impostazioni…</translation>
    </message>
    <message>
        <source>&amp;Leave channel…</source>
        <translation>&amp;Lascia il canale…</translation>
    </message>
    <message>
        <source>Transparency log: my &amp;mission…</source>
        <translation>Registro di trasparenza: la mia &amp;missione…</translation>
    </message>
    <message>
        <source>C&amp;risis desk…</source>
        <translation>Unità di c&amp;risi…</translation>
    </message>
    <message>
        <source>My &amp;devices…</source>
        <translation>I miei &amp;dispositivi…</translation>
    </message>
    <message>
        <source>E&amp;xport channel history…</source>
        <translation>E&amp;sporta la cronologia del canale…</translation>
    </message>
    <message>
        <source>&amp;Back up history…</source>
        <translation>&amp;Backup della cronologia…</translation>
    </message>
    <message>
        <source>Rest&amp;ore history…</source>
        <translation>Ri&amp;pristina la cronologia…</translation>
    </message>
    <message>
        <source>M&amp;ute this channel</source>
        <translation>Silenzia q&amp;uesto canale</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>C&amp;hair</source>
        <translation>&amp;Presidenza</translation>
    </message>
    <message>
        <source>Post a revised &amp;agenda…</source>
        <translation>Pubblica un &amp;ordine del giorno rivisto…</translation>
    </message>
    <message>
        <source>Convene an &amp;emergency meeting…</source>
        <translation>Convoca una riunione d&apos;&amp;emergenza…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Vai</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Canali</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Messaggi</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>&amp;Scrivi</translation>
    </message>
    <message>
        <source>M&amp;embers</source>
        <translation>M&amp;embri</translation>
    </message>
    <message>
        <source>Next &amp;unread channel</source>
        <translation>Canale non letto &amp;successivo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Scorciatoie da tastiera…</translation>
    </message>
    <message>
        <source>&amp;About Corridor</source>
        <translation>&amp;Informazioni su Corridor</translation>
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
        <translation>&amp;Apri Corridor</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Promemoria</translation>
    </message>
    <message>
        <source>Corridor keeps running in the tray, so a hotline call can ring. Quit ends it.</source>
        <translation>Corridor resta attivo nell’area di notifica, così una chiamata della linea diretta può suonare. Esci lo chiude.</translation>
    </message>
    <message>
        <source>Corridor — %1 unread</source>
        <translation>Corridor — %1 non letti</translation>
    </message>
    <message>
        <source>Classification ceiling: %1</source>
        <translation>Limite di classifica: %1</translation>
    </message>
    <message>
        <source>The venue&apos;s classification levels, lowest first: %1</source>
        <translation>I livelli di classifica della sede, dal più basso: %1</translation>
    </message>
    <message>
        <source>Only the chair posts in this notice channel.</source>
        <translation>In questo canale di avvisi pubblica solo la presidenza.</translation>
    </message>
    <message>
        <source>You can no longer post in this channel.</source>
        <translation>Non puoi più pubblicare in questo canale.</translation>
    </message>
    <message>
        <source>A message was not sent: %1</source>
        <translation>Un messaggio non è stato inviato: %1</translation>
    </message>
    <message>
        <source>Security alarm: the relay&apos;s directory — %1</source>
        <translation>Allarme di sicurezza: la directory del relay — %1</translation>
    </message>
    <message>
        <source>A change to this channel was voided by its missions</source>
        <translation>Una modifica di questo canale è stata annullata dalle sue missioni</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avviso: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connesso</translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>Offline — riconnessione…</translation>
    </message>
    <message>
        <source>Emergency meeting</source>
        <translation>Riunione d&apos;emergenza</translation>
    </message>
    <message>
        <source>%1 convened an emergency meeting</source>
        <translation>%1 ha convocato una riunione d&apos;emergenza</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Nuovo messaggio da %1</translation>
    </message>
    <message>
        <source>⏱ Messages disappear after %1 (set by %2)</source>
        <translation>⏱ I messaggi scompaiono dopo %1 (impostato da %2)</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>un membro</translation>
    </message>
    <message>
        <source>About Corridor</source>
        <translation>Informazioni su Corridor</translation>
    </message>
    <message>
        <source>Corridor %1</source>
        <translation>Corridor %1</translation>
    </message>
    <message>
        <source>End-to-end-encrypted messaging (MLS, RFC 9420) for the delegations of a multilateral forum.
Licensed under the Apache License, Version 2.0.</source>
        <translation>Messaggistica cifrata end-to-end (MLS, RFC 9420) per le delegazioni di un forum multilaterale.
Distribuito con licenza Apache, versione 2.0.</translation>
    </message>
    <message>
        <source>This device trusts the venue whose root certificate has the fingerprint:
%1
%2
Compare it with the one the secretariat published.</source>
        <translation>Questo dispositivo si fida del forum il cui certificato radice ha l’impronta:
%1
%2
Confrontala con quella pubblicata dalla segreteria.</translation>
    </message>
    <message>
        <source>Withdraw message</source>
        <translation>Ritira il messaggio</translation>
    </message>
    <message>
        <source>Withdraw this message for everyone in the channel?</source>
        <translation>Ritirare questo messaggio per tutti nel canale?</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>Lascia il canale</translation>
    </message>
    <message>
        <source>Leave “%1” on this device?</source>
        <translation>Lasciare «%1» su questo dispositivo?</translation>
    </message>
    <message>
        <source>The messages you have stay readable on this device. It will receive no new messages in this channel, and the other members will see this device leave. Your other devices stay in the channel.</source>
        <translation>I messaggi che hai restano leggibili su questo dispositivo. Non riceverà nuovi messaggi in questo canale e gli altri membri vedranno uscire questo dispositivo. Gli altri tuoi dispositivi restano nel canale.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Lascia</translation>
    </message>
    <message>
        <source>You left “%1” on this device.</source>
        <translation>Hai lasciato «%1» su questo dispositivo.</translation>
    </message>
    <message>
        <source>Offline: leaving “%1” goes at the next connection.</source>
        <translation>Offline: l&apos;uscita da «%1» partirà alla prossima connessione.</translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation>Scarta il messaggio</translation>
    </message>
    <message>
        <source>This message was never delivered. Delete it from this device?</source>
        <translation>Questo messaggio non è mai stato consegnato. Eliminarlo da questo dispositivo?</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Allega un file</translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation>Invio di «%1»…</translation>
    </message>
    <message>
        <source>“%1” is queued; the conversation shows it as sent once the relay has it.</source>
        <translation>«%1» è in coda; la conversazione lo mostrerà come inviato quando il relay lo avrà ricevuto.</translation>
    </message>
    <message>
        <source>“%1” is too large to send. Files up to %2 can be attached.</source>
        <translation>«%1» è troppo grande per essere inviato. Si possono allegare file fino a %2.</translation>
    </message>
    <message>
        <source>The relay&apos;s storage for your attachments is full, so “%1” was not sent. Ask the secretariat, or try again later.</source>
        <translation>Lo spazio del relay per i tuoi allegati è pieno, quindi «%1» non è stato inviato. Rivolgiti alla segreteria o riprova più tardi.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” was not sent. Try again when you are back online.</source>
        <translation>Il relay non è raggiungibile, quindi «%1» non è stato inviato. Riprova quando sarai di nuovo online.</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>Impossibile leggere «%1»: %2</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>«%1» non è stato inviato: %2</translation>
    </message>
    <message>
        <source>Attachment not sent</source>
        <translation>Allegato non inviato</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Salva allegato</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>Download di «%1»…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Salvato in %1</translation>
    </message>
    <message>
        <source>“%1” was NOT saved: the file the relay returned does not match what the sender sent (it was altered or damaged on the way). Nothing was written. Ask the sender to send it again.</source>
        <translation>«%1» NON è stato salvato: il file restituito dal relay non corrisponde a quello inviato dal mittente (è stato alterato o danneggiato lungo il percorso). Non è stato scritto nulla. Chiedi al mittente di inviarlo di nuovo.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” could not be downloaded.</source>
        <translation>Il relay non è raggiungibile, quindi non è stato possibile scaricare «%1».</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>Impossibile salvare «%1»: %2</translation>
    </message>
    <message>
        <source>Attachment not saved</source>
        <translation>Allegato non salvato</translation>
    </message>
    <message>
        <source>Creating “%1”…</source>
        <translation>Creazione di «%1»…</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>Backup della cronologia</translation>
    </message>
    <message numerus="yes">
        <source>Backed up the history of %n channel(s) to %1.</source>
        <translation>
            <numerusform>Cronologia di %n canale salvata in %1.</numerusform>
            <numerusform>Cronologia di %n canali salvata in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>Ripristina la cronologia</translation>
    </message>
    <message numerus="yes">
        <source>Restored the history of %n channel(s) into %1.</source>
        <translation>
            <numerusform>Cronologia di %n canale ripristinata in %1.</numerusform>
            <numerusform>Cronologia di %n canali ripristinata in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Muted: only emergency meetings, acknowledgement requests and hotline calls notify from this channel.</source>
        <translation>Silenziato: da questo canale notificano solo le riunioni d’emergenza, le richieste di conferma e le chiamate della linea diretta.</translation>
    </message>
    <message>
        <source>Notifications on for this channel.</source>
        <translation>Notifiche attive per questo canale.</translation>
    </message>
    <message>
        <source>Export channel history</source>
        <translation>Esporta la cronologia del canale</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Pagina web (*.html)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1, signed by this device.</source>
        <translation>
            <numerusform>%n messaggio esportato in %1, firmato da questo dispositivo.</numerusform>
            <numerusform>%n messaggi esportati in %1, firmati da questo dispositivo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n giorno</numerusform>
            <numerusform>%n giorni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ora</numerusform>
            <numerusform>%n ore</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minuti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n secondo</numerusform>
            <numerusform>%n secondi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Marking</name>
    <message>
        <source>Classification marking: only the levels the channel&apos;s ceiling allows are offered</source>
        <translation>Classifica: sono proposti solo i livelli consentiti dal limite del canale</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>C&amp;lassifica:</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>this device</source>
        <translation>questo dispositivo</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ verificato</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>non verificato</translation>
    </message>
    <message>
        <source>Device key %1</source>
        <translation>Chiave del dispositivo %1</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>%1 · observer</source>
        <translation>%1 · osservatore</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modificato</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>non riuscito: %1</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>invio…</translation>
    </message>
    <message>
        <source>read by %1</source>
        <translation>letto da %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>inviato</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>ricezione confermata da %1</translation>
    </message>
    <message>
        <source>awaiting acknowledgement</source>
        <translation>in attesa di conferma di ricezione</translation>
    </message>
    <message>
        <source>disappears %1</source>
        <translation>scompare %1</translation>
    </message>
    <message>
        <source>File: %1 · %2 · %3 — Save… (Ctrl+S)</source>
        <translation>File: %1 · %2 · %3 — Salva… (Ctrl+S)</translation>
    </message>
    <message>
        <source>EMERGENCY MEETING</source>
        <translation>RIUNIONE D&apos;EMERGENZA</translation>
    </message>
    <message>
        <source>Agenda notice (revision %1)</source>
        <translation>Avviso di ordine del giorno (revisione %1)</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Riunione: %1</translation>
    </message>
    <message>
        <source>Disappearing messages: %1</source>
        <translation>Messaggi a scomparsa: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>disattivati</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>un messaggio precedente</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>&amp;Notices and aid…</source>
        <translation>&amp;Notifiche e aiuti…</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>notificato</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>modificato</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annullato</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n exercise(s)</source>
        <translation>
            <numerusform>%1: %n esercitazione</numerusform>
            <numerusform>%1: %n esercitazioni</numerusform>
        </translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completato</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>richiesto</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>offerto</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accettato</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>consegnato</translation>
    </message>
    <message>
        <source>Exercise notice</source>
        <translation>Notifica di esercitazione</translation>
    </message>
    <message>
        <source>%1 (ceiling %2)</source>
        <translation>%1 (limite %2)</translation>
    </message>
    <message>
        <source>troops=3000, tanks=40</source>
        <translation>truppe=3000, carri=40</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>No channel to send to</source>
        <translation>Nessun canale a cui inviare</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>«%1» non è un numero</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inizio</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitudine</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitudine</translation>
    </message>
    <message>
        <source>Forces</source>
        <translation>Forze</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Attività</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contatto</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Classifica</translation>
    </message>
    <message>
        <source>Request aid</source>
        <translation>Richiedi aiuti</translation>
    </message>
    <message>
        <source>water=20000:litres, tents=300</source>
        <translation>acqua=20000:litri, tende=300</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>flash</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgente</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>ordinaria</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Necessità</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Luogo</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgenza</translation>
    </message>
    <message>
        <source>Incident notification</source>
        <translation>Notifica di incidente</translation>
    </message>
    <message>
        <source>-90 to 90</source>
        <translation>da -90 a 90</translation>
    </message>
    <message>
        <source>-180 to 180</source>
        <translation>da -180 a 180</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuna)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 a %2: %3</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Units involved</source>
        <translation>Unità coinvolte</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Che cosa è successo</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>Richiesta di chiarimenti</translation>
    </message>
    <message>
        <source>Amend the annual exchange</source>
        <translation>Modifica lo scambio annuale</translation>
    </message>
    <message>
        <source>Submit the annual exchange</source>
        <translation>Presenta lo scambio annuale</translation>
    </message>
    <message>
        <source>what the amendment changes</source>
        <translation>che cosa cambia la modifica</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Anno</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informazioni</translation>
    </message>
    <message>
        <source>Amendment note</source>
        <translation>Nota di modifica</translation>
    </message>
    <message>
        <source>Say what the amendment changes</source>
        <translation>Indicare che cosa cambia la modifica</translation>
    </message>
    <message>
        <source>Due date of the annual exchange</source>
        <translation>Scadenza dello scambio annuale</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Entro il</translation>
    </message>
    <message>
        <source>The due date must be in the future</source>
        <translation>La scadenza deve essere nel futuro</translation>
    </message>
    <message>
        <source>Publish a template</source>
        <translation>Pubblica un modello</translation>
    </message>
    <message>
        <source>ship-incident</source>
        <translation>ship-incident</translation>
    </message>
    <message>
        <source>time, position, ship, intent</source>
        <translation>ora, posizione, nave, intenzione</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campi</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Testo</translation>
    </message>
    <message>
        <source>Fill in a template</source>
        <translation>Compila un modello</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>No template has been published</source>
        <translation>Nessun modello pubblicato</translation>
    </message>
    <message>
        <source>Fill in %1</source>
        <translation>Compilare %1</translation>
    </message>
    <message>
        <source>Notices and aid</source>
        <translation>Notifiche e aiuti</translation>
    </message>
    <message>
        <source>&amp;New exercise notice…</source>
        <translation>&amp;Nuova notifica di esercitazione…</translation>
    </message>
    <message>
        <source>&amp;Cancel notice</source>
        <translation>&amp;Annulla notifica</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Missione</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Esercitazione</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Esporta…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <source>Exercise register</source>
        <translation>Registro delle esercitazioni</translation>
    </message>
    <message>
        <source>&amp;Request aid…</source>
        <translation>&amp;Richiedi aiuti…</translation>
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation>&amp;Offri</translation>
    </message>
    <message>
        <source>&amp;Accept offer</source>
        <translation>&amp;Accetta offerta</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>Segna come &amp;consegnato</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Richiesta</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Necessità</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantità</translation>
    </message>
    <message>
        <source>Unmet</source>
        <translation>Scoperto</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offerte</translation>
    </message>
    <message>
        <source>Disaster aid</source>
        <translation>Aiuti in caso di catastrofe</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Report &amp;incident…</source>
        <translation>Segnala &amp;incidente…</translation>
    </message>
    <message>
        <source>&amp;Link to request</source>
        <translation>&amp;Collega alla richiesta</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posizione</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unità</translation>
    </message>
    <message>
        <source>Requests for explanation and their incidents</source>
        <translation>Richieste di chiarimenti e relativi incidenti</translation>
    </message>
    <message>
        <source>Asked of</source>
        <translation>Rivolta a</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Che cosa</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidenti</translation>
    </message>
    <message>
        <source>&amp;Fill in template…</source>
        <translation>&amp;Compila modello…</translation>
    </message>
    <message>
        <source>&amp;Publish template…</source>
        <translation>&amp;Pubblica modello…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Inviato</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valori</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>&amp;Presenta…</translation>
    </message>
    <message>
        <source>Set &amp;due date…</source>
        <translation>Imposta la &amp;scadenza…</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Presentato</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>In ritardo</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>Modifiche</translation>
    </message>
    <message>
        <source>Annual exchange</source>
        <translation>Scambio annuale</translation>
    </message>
    <message>
        <source>&amp;Amend submission…</source>
        <translation>&amp;Modifica presentazione…</translation>
    </message>
    <message>
        <source>%1 (not held here)</source>
        <translation>%1 (non presente qui)</translation>
    </message>
    <message>
        <source>Export the exercise register</source>
        <translation>Esporta il registro delle esercitazioni</translation>
    </message>
    <message>
        <source>PDF for printing (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</source>
        <translation>PDF da stampare (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Corridor venue</source>
        <translation>Foro Corridor</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>Tutte le missioni</translation>
    </message>
    <message>
        <source>%1 (revision %2)</source>
        <translation>%1 (revisione %2)</translation>
    </message>
    <message>
        <source>Unmet needs: %1</source>
        <translation>Necessità scoperte: %1</translation>
    </message>
    <message>
        <source>No unmet needs</source>
        <translation>Nessuna necessità scoperta</translation>
    </message>
    <message>
        <source>Annual exchange %1, due %2</source>
        <translation>Scambio annuale %1, scadenza %2</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>non presentato</translation>
    </message>
    <message>
        <source>late</source>
        <translation>in ritardo</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>No agenda has been posted yet.</source>
        <translation>Non è stato ancora pubblicato alcun ordine del giorno.</translation>
    </message>
    <message>
        <source>Post a revised a&amp;genda…</source>
        <translation>Pubblica un ordine del giorno ri&amp;visto…</translation>
    </message>
    <message>
        <source>Pinned agenda:</source>
        <translation>Ordine del giorno fissato:</translation>
    </message>
    <message>
        <source>Pinned agenda</source>
        <translation>Ordine del giorno fissato</translation>
    </message>
    <message>
        <source>Revision %1 · posted by %2 · %3</source>
        <translation>Revisione %1 · pubblicata da %2 · %3</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Conferma ricezione</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Nascondi</translation>
    </message>
    <message>
        <source>Acknowledgement tracker</source>
        <translation>Monitoraggio delle conferme di ricezione</translation>
    </message>
    <message>
        <source>EMERGENCY — meeting convened by %1</source>
        <translation>EMERGENZA — riunione convocata da %1</translation>
    </message>
    <message>
        <source>%1 of %2 missions have not yet acknowledged: %3</source>
        <translation>Ancora nessuna conferma di ricezione da %1 delle %2 missioni: %3</translation>
    </message>
    <message>
        <source>Every mission has acknowledged.</source>
        <translation>Tutte le missioni hanno confermato la ricezione.</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>&amp;Mostra</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Con&amp;ferma ricezione</translation>
    </message>
    <message>
        <source>Hotline: %1 awaits your mission&apos;s acknowledgement: “%2”</source>
        <translation>Linea diretta: %1 attende la conferma di ricezione della tua missione: «%2»</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>(altri %1)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membri</translation>
    </message>
    <message>
        <source>Members by mission</source>
        <translation>Membri per missione</translation>
    </message>
    <message>
        <source>&amp;Verify device…</source>
        <translation>&amp;Verifica dispositivo…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Everything in the app can be done from the keyboard: Tab moves between controls, the arrow keys within lists.</source>
        <translation>Tutto nell’app si può fare da tastiera: Tab passa da un controllo all’altro, le frecce si muovono nelle liste.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tasto</translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <source>✓ %1 — acknowledged by %2</source>
        <translation>✓ %1 — ricezione confermata da %2</translation>
    </message>
    <message>
        <source>✗ %1 — read, not yet acknowledged</source>
        <translation>✗ %1 — letto, ricezione non ancora confermata</translation>
    </message>
    <message>
        <source>✗ %1 — not yet answered</source>
        <translation>✗ %1 — nessuna risposta finora</translation>
    </message>
</context>
<context>
    <name>Transparency</name>
    <message>
        <source>Alarm: %1</source>
        <translation>Allarme: %1</translation>
    </message>
    <message>
        <source>signed tree head: size %1, root %2</source>
        <translation>testa dell&apos;albero firmata: dimensione %1, radice %2</translation>
    </message>
    <message>
        <source>record (DER, %1 bytes): %2…</source>
        <translation>record (DER, %1 byte): %2…</translation>
    </message>
    <message>
        <source>Directory: checking…</source>
        <translation>Directory: verifica in corso…</translation>
    </message>
    <message>
        <source>✔ Directory verified</source>
        <translation>✔ Directory verificata</translation>
    </message>
    <message>
        <source>⚠ Directory not verified</source>
        <translation>⚠ Directory non verificata</translation>
    </message>
    <message>
        <source>Directory verification</source>
        <translation>Verifica della directory</translation>
    </message>
    <message>
        <source>Every member&apos;s certificate is in the venue&apos;s transparency log, and every tree head seen agrees.</source>
        <translation>Il certificato di ogni membro è nel registro di trasparenza del forum, e tutte le teste dell&apos;albero viste concordano.</translation>
    </message>
    <message>
        <source>The relay&apos;s directory could not be verified for this conversation. Keep the evidence below and tell your security officer.</source>
        <translation>Non è stato possibile verificare la directory del relay per questa conversazione. Conserva le prove qui sotto e informa il tuo responsabile della sicurezza.</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>numero di serie</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>soggetto</translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>allarme</translation>
    </message>
    <message>
        <source>Transparency log: my mission</source>
        <translation>Registro di trasparenza: la mia missione</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Lettura del registro…</translation>
    </message>
    <message>
        <source>Issued certificates folder…</source>
        <translation>Cartella dei certificati emessi…</translation>
    </message>
    <message>
        <source>The mission&apos;s issued/ folder</source>
        <translation>La cartella issued/ della missione</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</source>
        <translation>
            <numerusform>%n allarme nel registro (voci: %1): un certificato che questa missione non ha emesso. Revocalo e verifica chi detiene la chiave della missione.</numerusform>
            <numerusform>%n allarmi nel registro (voci: %1): un certificato che questa missione non ha emesso. Revocalo e verifica chi detiene la chiave della missione.</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate the mission did not issue (log entries: %1, checked against its signed head).</source>
        <translation>Nessun certificato non emesso dalla missione (voci del registro: %1, verificate rispetto alla sua testa firmata).</translation>
    </message>
    <message>
        <source>The log could not be checked: %1</source>
        <translation>Impossibile verificare il registro: %1</translation>
    </message>
</context>
<context>
    <name>Venues</name>
    <message>
        <source>%1: %2 unread</source>
        <translation>%1: %2 non letti</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>Add a venue — choose its home directory</source>
        <translation>Aggiungi un forum — scegli la sua cartella del dispositivo</translation>
    </message>
    <message>
        <source>Open venue</source>
        <translation>Apri il forum</translation>
    </message>
    <message>
        <source>&amp;Open Corridor</source>
        <translation>&amp;Apri Corridor</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>Venues: switch, open a known one, or add one</source>
        <translation>Forum: cambia, apri uno noto o aggiungine uno</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Close this venue</source>
        <translation>Chiudi questo forum</translation>
    </message>
    <message>
        <source>Close this venue (its connection ends; the others keep running)</source>
        <translation>Chiudi questo forum (la sua connessione termina; gli altri continuano)</translation>
    </message>
    <message>
        <source>%1 (not open)</source>
        <translation>%1 (non aperto)</translation>
    </message>
    <message>
        <source>Add a venue…</source>
        <translation>Aggiungi un forum…</translation>
    </message>
</context>
</TS>
