<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>an unexpected error (%1)</source>
        <translation>un error inesperado (%1)</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>this installation offers no demo venue</source>
        <translation>esta instalación no ofrece un foro de demostración</translation>
    </message>
    <message>
        <source>Preparing the demo venue (an embedded relay on 127.0.0.1, several missions, channels of every kind)…</source>
        <translation>Preparando el foro de demostración (un relé integrado en 127.0.0.1, varias misiones, canales de todo tipo)…</translation>
    </message>
    <message>
        <source>(demo venue)</source>
        <translation>(foro de demostración)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this device&apos;s key file. Try again.</source>
        <translation>Frase de contraseña incorrecta: no abre el archivo de claves de este dispositivo. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>You are %1 (%2) of %3.</source>
        <translation>Usted es %1 (%2), de la misión %3.</translation>
    </message>
    <message>
        <source>Your certificate is valid until %1.</source>
        <translation>Su certificado es válido hasta el %1.</translation>
    </message>
    <message>
        <source>Venue root (pinned): %1</source>
        <translation>Raíz del foro (fijada): %1</translation>
    </message>
    <message>
        <source>Could not open Corridor: %1</source>
        <translation>No se pudo abrir Corridor: %1</translation>
    </message>
    <message>
        <source>Could not open the venue in %1: %2</source>
        <translation>No se pudo abrir el foro en %1: %2</translation>
    </message>
</context>
<context>
    <name>Attach</name>
    <message>
        <source>Send a file</source>
        <translation>Enviar un archivo</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Vista previa de %1</translation>
    </message>
    <message>
        <source>Send “%1” (%2) to “%3”? Everyone in the channel can download it; it cannot be recalled from their devices.</source>
        <translation>¿Enviar «%1» (%2) a «%3»? Todos los miembros del canal podrán descargarlo; no se podrá retirar de sus dispositivos.</translation>
    </message>
    <message>
        <source>&amp;Caption (optional):</source>
        <translation>&amp;Pie (opcional):</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Pie</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>A backup holds the history of every channel, not this device&apos;s key nor its encryption state: a restored device is a new device. Its history from before is restored as readable, verified pages in its archive folder; once your mission&apos;s devices have added it, it reads new messages in every channel.</source>
        <translation>Una copia de seguridad contiene el historial de cada canal, no la clave de este dispositivo ni su estado de cifrado: un dispositivo restaurado es un dispositivo nuevo. Su historial anterior se restaura como páginas legibles y verificadas en su carpeta de archivo; cuando los dispositivos de su misión lo hayan añadido, leerá los mensajes nuevos de cada canal.</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>Copia de seguridad del historial</translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>Restaurar el historial</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Frase de contraseña de la copia</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>Backup passphrase, again</source>
        <translation>Frase de contraseña de la copia, otra vez</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Otra vez:</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>Introduzca una frase de contraseña.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Orden del día</translation>
    </message>
    <message>
        <source>&amp;Open the venue&apos;s calendar…</source>
        <translation>&amp;Abrir el calendario del foro…</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation>E&amp;xportar al calendario…</translation>
    </message>
    <message>
        <source>Could not read the calendar: %1</source>
        <translation>No se pudo leer el calendario: %1</translation>
    </message>
    <message>
        <source>No calendar yet: open the file of regular meetings your venue hands out.</source>
        <translation>Aún no hay calendario: abra el archivo de reuniones periódicas que entrega su foro.</translation>
    </message>
    <message>
        <source>Times in UTC. The export keeps each meeting&apos;s recurrence and agenda.</source>
        <translation>Horas en UTC. La exportación conserva la recurrencia y el orden del día de cada reunión.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Calendar written to %1</source>
        <translation>Calendario escrito en %1</translation>
    </message>
    <message>
        <source>Open the venue&apos;s calendar</source>
        <translation>Abrir el calendario del foro</translation>
    </message>
    <message>
        <source>Calendar (*.json)</source>
        <translation>Calendario (*.json)</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>Exportar al calendario</translation>
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
        <translation>Avisos</translation>
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
        <translation>Grupo restringido</translation>
    </message>
    <message>
        <source>Missions: %1</source>
        <translation>Misiones: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Advertencia: %1</translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation>%1, %2 sin leer</translation>
    </message>
    <message>
        <source>routing warning</source>
        <translation>advertencia de enrutamiento</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation>Ir a los mensajes más recientes</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Responder</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Re&amp;tirar</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acusar recibo</translation>
    </message>
    <message>
        <source>&amp;Save attachment…</source>
        <translation>&amp;Guardar el adjunto…</translation>
    </message>
    <message>
        <source>Jump to the &amp;newest messages</source>
        <translation>Ir a los mensajes más &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copiar el texto</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>Enviar de &amp;nuevo</translation>
    </message>
    <message>
        <source>&amp;Discard unsent message</source>
        <translation>&amp;Descartar el mensaje no enviado</translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation>Reaccionar con %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n mensaje nuevo ↓</numerusform>
            <numerusform>%n mensajes nuevos ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Re&amp;accionar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Write a message — Enter sends, Shift+Enter for a new line</source>
        <translation>Escriba un mensaje — Intro envía, Mayús+Intro para una nueva línea</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>Ad&amp;juntar…</translation>
    </message>
    <message>
        <source>Needs ac&amp;knowledgement</source>
        <translation>Requiere acuse de &amp;recibo</translation>
    </message>
    <message>
        <source>Hotline: the other missions are asked to acknowledge</source>
        <translation>Línea directa: se pide a las demás misiones que acusen recibo</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Marca:</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>En respuesta a %1: %2</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>Editando su mensaje</translation>
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
        <translation>hace %1</translation>
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
        <translation>rutina</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregada</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>vista</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>recibo acusado</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>respondida</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>de guardia</translation>
    </message>
    <message>
        <source>deputy</source>
        <translation>suplente</translation>
    </message>
    <message>
        <source>head of mission</source>
        <translation>jefe de misión</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>respondida</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>vencida</translation>
    </message>
    <message>
        <source>meeting requested</source>
        <translation>reunión solicitada</translation>
    </message>
    <message>
        <source>meeting called</source>
        <translation>reunión convocada</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>en persona</translation>
    </message>
    <message>
        <source>remotely</source>
        <translation>a distancia</translation>
    </message>
    <message>
        <source>represented</source>
        <translation>representada</translation>
    </message>
    <message>
        <source>cannot attend</source>
        <translation>no asistirá</translation>
    </message>
    <message>
        <source>unanswered %1</source>
        <translation>sin respuesta desde hace %1</translation>
    </message>
    <message>
        <source>unanswered %1 — escalated to %2</source>
        <translation>sin respuesta desde hace %1 — escalada a: %2</translation>
    </message>
    <message>
        <source>Hotline call</source>
        <translation>Llamada por la línea directa</translation>
    </message>
    <message>
        <source>%1 (mission %2)</source>
        <translation>%1 (misión %2)</translation>
    </message>
    <message>
        <source>Flash: reply within 10 minutes</source>
        <translation>Flash: respuesta en 10 minutos</translation>
    </message>
    <message>
        <source>Urgent: reply within 1 hour</source>
        <translation>Urgente: respuesta en 1 hora</translation>
    </message>
    <message>
        <source>Routine: reply within 24 hours</source>
        <translation>Rutina: respuesta en 24 horas</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Prioridad:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Asunto:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Detalles:</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Marca:</translation>
    </message>
    <message>
        <source>&amp;Call now</source>
        <translation>&amp;Llamar ahora</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>Solicitud de explicación</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Canal:</translation>
    </message>
    <message>
        <source>&amp;To mission:</source>
        <translation>A la &amp;misión:</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Qué:</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>&amp;Dónde:</translation>
    </message>
    <message>
        <source>Wh&amp;en:</source>
        <translation>Cuá&amp;ndo:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referencia:</translation>
    </message>
    <message>
        <source>The mission must reply within 48 hours.</source>
        <translation>La misión debe responder en 48 horas.</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>&amp;Enviar la solicitud</translation>
    </message>
    <message>
        <source>Crisis desk</source>
        <translation>Gabinete de crisis</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acusar recibo</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>De → a</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>Escala</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalada</translation>
    </message>
    <message>
        <source>&amp;Call…</source>
        <translation>&amp;Llamar…</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Acusar re&amp;cibo</translation>
    </message>
    <message>
        <source>A&amp;nswer…</source>
        <translation>&amp;Responder…</translation>
    </message>
    <message>
        <source>&amp;Hotline</source>
        <translation>&amp;Línea directa</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <source>&amp;Request…</source>
        <translation>&amp;Solicitar…</translation>
    </message>
    <message>
        <source>Re&amp;ply…</source>
        <translation>Res&amp;ponder…</translation>
    </message>
    <message>
        <source>Ask the chair for a &amp;meeting</source>
        <translation>Pedir una &amp;reunión a la presidencia</translation>
    </message>
    <message>
        <source>&amp;Explanations</source>
        <translation>&amp;Explicaciones</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>Convocada por</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>Attending in person</source>
        <translation>Asistencia presencial</translation>
    </message>
    <message>
        <source>Attending remotely</source>
        <translation>Asistencia a distancia</translation>
    </message>
    <message>
        <source>Represented by…</source>
        <translation>Representada por…</translation>
    </message>
    <message>
        <source>Cannot attend</source>
        <translation>No puede asistir</translation>
    </message>
    <message>
        <source>who represents your mission</source>
        <translation>quién representa a su misión</translation>
    </message>
    <message>
        <source>&amp;Answer for my mission</source>
        <translation>&amp;Responder por mi misión</translation>
    </message>
    <message>
        <source>Proposed in bilateral channels (nobody convenes there):</source>
        <translation>Propuestas en canales bilaterales (allí nadie convoca):</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Propuesta por</translation>
    </message>
    <message>
        <source>Place and agenda</source>
        <translation>Lugar y orden del día</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Acce&amp;pt</source>
        <translation>Acep&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Reuniones</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>Ca&amp;lendario</translation>
    </message>
    <message>
        <source>Ring even when Corridor was not opened: &amp;start it when I log in</source>
        <translation>Sonar aunque Corridor no se haya abierto: &amp;iniciarlo al entrar en la sesión</translation>
    </message>
    <message>
        <source>%1 HOTLINE CALL from %2: %3 — %4</source>
        <translation>LLAMADA %1 POR LA LÍNEA DIRECTA de %2: %3 — %4</translation>
    </message>
    <message>
        <source>On duty: %1 · deputy %2 · head of mission %3</source>
        <translation>De guardia: %1 · suplente %2 · jefe de misión %3</translation>
    </message>
    <message>
        <source>No duty roster: every delegate of your mission is called</source>
        <translation>Sin cuadro de guardias: se llama a todos los delegados de su misión</translation>
    </message>
    <message>
        <source>Mission %1: someone on duty</source>
        <translation>Misión %1: alguien de guardia</translation>
    </message>
    <message>
        <source>Mission %1: nobody on duty</source>
        <translation>Misión %1: nadie de guardia</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation> (con retraso)</translation>
    </message>
    <message>
        <source>%1 accepts</source>
        <translation>%1 acepta</translation>
    </message>
    <message>
        <source>%1 declines</source>
        <translation>%1 rechaza</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>aún sin respuesta</translation>
    </message>
    <message>
        <source>%1 is available to talk until %2</source>
        <translation>%1 está disponible para hablar hasta %2</translation>
    </message>
    <message>
        <source>Sent %1 · reply by %2</source>
        <translation>Enviada %1 · responder antes de %2</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1 por %2 a las %3</translation>
    </message>
    <message>
        <source>called %1 at %2%3</source>
        <translation>nivel %1 llamado a las %2%3</translation>
    </message>
    <message>
        <source>Answer the call</source>
        <translation>Responder a la llamada</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Respuesta:</translation>
    </message>
    <message>
        <source>Reply to the request</source>
        <translation>Responder a la solicitud</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Explicación:</translation>
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
        <translation>en silencio; roto hasta ahora por %1</translation>
    </message>
    <message>
        <source>under silence</source>
        <translation>en silencio</translation>
    </message>
    <message>
        <source>broken by %1</source>
        <translation>roto por %1</translation>
    </message>
    <message>
        <source>disputed: break sent at %1, not confirmed</source>
        <translation>en disputa: ruptura enviada a las %1, no confirmada</translation>
    </message>
    <message>
        <source>pending: a later revision was not received</source>
        <translation>pendiente: no se recibió una revisión posterior</translation>
    </message>
    <message>
        <source>pending: awaiting closing statements from %1</source>
        <translation>pendiente: faltan las declaraciones de cierre de %1</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>adoptado</translation>
    </message>
    <message>
        <source>agreed by %1 of %2 missions at version %3</source>
        <translation>acordado por %1 de %2 misiones en la versión %3</translation>
    </message>
    <message>
        <source>Editors take the lock first</source>
        <translation>Los editores toman primero el bloqueo</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Canal:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xto:</translation>
    </message>
    <message>
        <source>&amp;Silence period (hours):</source>
        <translation>&amp;Plazo de silencio (horas):</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Marca:</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisiones</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>&amp;Put under silence…</source>
        <translation>&amp;Poner en silencio…</translation>
    </message>
    <message>
        <source>&amp;Break silence…</source>
        <translation>&amp;Romper el silencio…</translation>
    </message>
    <message>
        <source>&amp;Withdraw my break</source>
        <translation>Re&amp;tirar mi ruptura</translation>
    </message>
    <message>
        <source>Re&amp;vise…</source>
        <translation>Re&amp;visar…</translation>
    </message>
    <message>
        <source>&amp;Silence procedure</source>
        <translation>&amp;Procedimiento de silencio</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloqueo</translation>
    </message>
    <message>
        <source>&amp;New document…</source>
        <translation>&amp;Nuevo documento…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>&amp;Comentar…</translation>
    </message>
    <message>
        <source>Si&amp;gn off</source>
        <translation>&amp;Aprobar</translation>
    </message>
    <message>
        <source>&amp;Diff…</source>
        <translation>&amp;Diferencias…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>&amp;Drafting</source>
        <translation>&amp;Redacción</translation>
    </message>
    <message>
        <source>You take part as an observer: you cannot break silence or sign off.</source>
        <translation>Participa como observador: no puede romper el silencio ni aprobar.</translation>
    </message>
    <message>
        <source>Your break (%1) is not confirmed: %2 have not acknowledged it. Raise it by other means.</source>
        <translation>Su ruptura (%1) no está confirmada: %2 no han acusado recibo. Comuníquela por otros medios.</translation>
    </message>
    <message>
        <source>Revision %1 put by %2 · text SHA-256 %3</source>
        <translation>Revisión %1 presentada por %2 · SHA-256 del texto %3</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirada</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmada</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>no confirmada</translation>
    </message>
    <message>
        <source>%1 broke silence at %2: %3 (%4)</source>
        <translation>%1 rompió el silencio a las %2: %3 (%4)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Resultado: %1</translation>
    </message>
    <message>
        <source>Version %1 by %2 at %3</source>
        <translation>Versión %1 de %2 a las %3</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>observador</translation>
    </message>
    <message>
        <source>Signed off: %1</source>
        <translation>Aprobado por: %1</translation>
    </message>
    <message>
        <source>Put a text under silence</source>
        <translation>Poner un texto en silencio</translation>
    </message>
    <message>
        <source>Break silence</source>
        <translation>Romper el silencio</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Revise the text (the clock restarts)</source>
        <translation>Revisar el texto (el plazo vuelve a empezar)</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Nuevo documento</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Nueva versión</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Paragraph:</source>
        <translation>Párrafo:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Comentario:</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Diferencias</translation>
    </message>
    <message>
        <source>From version:</source>
        <translation>Desde la versión:</translation>
    </message>
    <message>
        <source>Export the agreed text</source>
        <translation>Exportar el texto acordado</translation>
    </message>
    <message>
        <source>D&amp;ecisions…</source>
        <translation>D&amp;ecisiones…</translation>
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
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>My devices</source>
        <translation>Mis dispositivos</translation>
    </message>
    <message>
        <source>Reading the venue directory…</source>
        <translation>Leyendo el directorio del foro…</translation>
    </message>
    <message>
        <source>&amp;Remove device…</source>
        <translation>&amp;Quitar dispositivo…</translation>
    </message>
    <message>
        <source>Remove the selected device</source>
        <translation>Quitar el dispositivo seleccionado</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>este dispositivo</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>quitado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) of yours in the venue. Remove one you lost: it can no longer connect, and it is removed from every channel.</source>
        <translation>
            <numerusform>%n dispositivo suyo en el foro. Quite el que haya perdido: ya no podrá conectarse y se quitará de todos los canales.</numerusform>
            <numerusform>%n dispositivos suyos en el foro. Quite el que haya perdido: ya no podrá conectarse y se quitará de todos los canales.</numerusform>
        </translation>
    </message>
    <message>
        <source>The devices could not be read: %1</source>
        <translation>No se pudieron leer los dispositivos: %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1: it can no longer connect, and it is being removed from %n channel(s).</source>
        <translation>
            <numerusform>%1 quitado: ya no puede conectarse y se está quitando de %n canal.</numerusform>
            <numerusform>%1 quitado: ya no puede conectarse y se está quitando de %n canales.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will no longer connect to the venue and is removed from its %n channel(s): it cannot read any new message. This cannot be undone. If it may be in other hands, also ask your mission to revoke its certificate.</source>
        <translation>
            <numerusform>Ya no podrá conectarse al foro y se quitará de su %n canal: no podrá leer ningún mensaje nuevo. Esto no se puede deshacer. Si pudiera estar en otras manos, pida también a su misión que revoque su certificado.</numerusform>
            <numerusform>Ya no podrá conectarse al foro y se quitará de sus %n canales: no podrá leer ningún mensaje nuevo. Esto no se puede deshacer. Si pudiera estar en otras manos, pida también a su misión que revoque su certificado.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>Quitar dispositivo</translation>
    </message>
    <message>
        <source>Remove your device %1 (%2)?</source>
        <translation>¿Quitar su dispositivo %1 (%2)?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Quitando…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Exactly two missions: yours and one other. Nobody can change the pair.</source>
        <translation>Exactamente dos misiones: la suya y otra. Nadie puede cambiar la pareja.</translation>
    </message>
    <message>
        <source>Several missions (a working group). You convene it and may change it.</source>
        <translation>Varias misiones (un grupo de trabajo). Usted lo convoca y puede modificarlo.</translation>
    </message>
    <message>
        <source>A private group of allied missions, invisible to everyone else.</source>
        <translation>Un grupo privado de misiones aliadas, invisible para todas las demás.</translation>
    </message>
    <message>
        <source>Every mission of the venue; only the chair posts. Chair only.</source>
        <translation>Todas las misiones del foro; solo la presidencia publica. Solo para la presidencia.</translation>
    </message>
    <message>
        <source>What kind of channel?</source>
        <translation>¿Qué tipo de canal?</translation>
    </message>
    <message>
        <source>The kind decides who may join, who may change the members and who may post. It never changes later.</source>
        <translation>El tipo decide quién puede unirse, quién puede cambiar los miembros y quién puede publicar. Nunca cambia después.</translation>
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
        <translation>&amp;Grupo restringido</translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation>A&amp;visos</translation>
    </message>
    <message>
        <source>Name and missions</source>
        <translation>Nombre y misiones</translation>
    </message>
    <message>
        <source>For example: Working group on incident prevention</source>
        <translation>Por ejemplo: Grupo de trabajo sobre prevención de incidentes</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Misiones</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Missions:</source>
        <translation>&amp;Misiones:</translation>
    </message>
    <message>
        <source>%1 (your mission)</source>
        <translation>%1 (su misión)</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>Dé un nombre al canal.</translation>
    </message>
    <message>
        <source>✓ The channel policy allows this.</source>
        <translation>✓ La política del canal lo permite.</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>Nuevo canal</translation>
    </message>
    <message>
        <source>QR code of the safety number</source>
        <translation>Código QR del número de seguridad</translation>
    </message>
    <message>
        <source>QR code unavailable (install qrcode)</source>
        <translation>Código QR no disponible (instale qrcode)</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>Verificar a %1</translation>
    </message>
    <message>
        <source>Compare these words with %1, in person or on a call you trust. If they match on both devices, nobody has substituted a key.</source>
        <translation>Compare estas palabras con %1, en persona o en una llamada de confianza. Si coinciden en ambos dispositivos, nadie ha sustituido una clave.</translation>
    </message>
    <message>
        <source>This device: %1
Their device: %2</source>
        <translation>Este dispositivo: %1
Su dispositivo: %2</translation>
    </message>
    <message>
        <source>They &amp;match — mark as verified</source>
        <translation>&amp;Coinciden — marcar como verificado</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Ahora no</translation>
    </message>
    <message>
        <source>Verified ✔ — close</source>
        <translation>Verificado ✔ — cerrar</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivados</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 semana</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Mostrar &amp;notificaciones de escritorio</translation>
    </message>
    <message>
        <source>Start Corridor when I log &amp;in (in the tray, so hotline calls ring)</source>
        <translation>Iniciar Corridor al entrar en la sesión (&amp;en la bandeja, para que suenen las llamadas de la línea directa)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>A new language applies when Corridor restarts.</source>
        <translation>Un nuevo idioma se aplica al reiniciar Corridor.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Disappearing messages in “%1”:</source>
        <translation>Mensajes &amp;temporales en «%1»:</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Buscar mensajes</translation>
    </message>
    <message>
        <source>Search this device&apos;s messages (whole words; “word*” for a prefix)</source>
        <translation>Buscar en los mensajes de este dispositivo (palabras completas; «palabra*» para un prefijo)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>Post a revised agenda</source>
        <translation>Publicar un orden del día revisado</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>&amp;Orden del día:</translation>
    </message>
    <message>
        <source>Convene an emergency meeting</source>
        <translation>Convocar una reunión de emergencia</translation>
    </message>
    <message>
        <source>e.g. Conference room B</source>
        <translation>p. ej. Sala de conferencias B</translation>
    </message>
    <message>
        <source>Why the meeting is needed: every mission reads this before acknowledging.</source>
        <translation>Por qué es necesaria la reunión: cada misión lo lee antes de acusar recibo.</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Cuándo:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Enlace:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>&amp;Revisar…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Convene now</source>
        <translation>&amp;Convocar ahora</translation>
    </message>
    <message>
        <source>Give the reason: every mission reads it before acknowledging.</source>
        <translation>Indique el motivo: cada misión lo lee antes de acusar recibo.</translation>
    </message>
    <message>
        <source>That time is in the past.</source>
        <translation>Esa hora ya ha pasado.</translation>
    </message>
    <message>
        <source>Every mission in “%1” will be alarmed and asked to acknowledge.</source>
        <translation>Todas las misiones de «%1» recibirán una alerta y se les pedirá que acusen recibo.</translation>
    </message>
    <message>
        <source>this channel</source>
        <translation>este canal</translation>
    </message>
    <message>
        <source>When: %1 (%2)</source>
        <translation>Cuándo: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>dentro de %n minuto</numerusform>
            <numerusform>dentro de %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation>Lugar: %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Enlace: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>Welcome to Corridor</source>
        <translation>Bienvenido a Corridor</translation>
    </message>
    <message>
        <source>This device is not enrolled in a venue yet (home: %1).</source>
        <translation>Este dispositivo aún no está registrado en ningún foro (carpeta: %1).</translation>
    </message>
    <message>
        <source>Open a &amp;demo venue</source>
        <translation>Abrir un foro de &amp;demostración</translation>
    </message>
    <message>
        <source>A complete venue on this computer only (127.0.0.1): several missions, channels of every kind and delegates who answer.</source>
        <translation>Un foro completo solo en este ordenador (127.0.0.1): varias misiones, canales de todo tipo y delegados que responden.</translation>
    </message>
    <message>
        <source>&amp;Enrol this device…</source>
        <translation>&amp;Registrar este dispositivo…</translation>
    </message>
    <message>
        <source>You need your accreditation letter (the venue root fingerprint) and your mission admin.</source>
        <translation>Necesita su carta de acreditación (la huella de la raíz del foro) y al administrador de su misión.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message>
        <source>Unlock Corridor</source>
        <translation>Desbloquear Corridor</translation>
    </message>
    <message>
        <source>This device&apos;s keys are in a passphrase-protected file (no OS keyring is in use). Enter its passphrase to open
%1</source>
        <translation>Las claves de este dispositivo están en un archivo protegido por una frase de contraseña (no se usa ningún llavero del sistema). Introdúzcala para abrir
%1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Introduzca la frase de contraseña.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <source>1. This device&apos;s key</source>
        <translation>1. La clave de este dispositivo</translation>
    </message>
    <message>
        <source>Corridor makes a signature key on this computer (it never leaves it) and a certificate request for your mission admin.</source>
        <translation>Corridor crea una clave de firma en este ordenador (nunca sale de él) y una solicitud de certificado para el administrador de su misión.</translation>
    </message>
    <message>
        <source>as your mission admin gave it, e.g. amartin</source>
        <translation>tal como se lo dio el administrador de su misión, p. ej. amartin</translation>
    </message>
    <message>
        <source>your name as others see it, e.g. Alice Martin</source>
        <translation>su nombre tal como lo ven los demás, p. ej. Alice Martin</translation>
    </message>
    <message>
        <source>&amp;Delegate id:</source>
        <translation>&amp;Identificador de delegado:</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>&amp;Nombre visible:</translation>
    </message>
    <message>
        <source>This computer has no usable OS keyring: the key goes into a file protected by a passphrase you choose now (at least %1 characters). You will type it each time Corridor starts.</source>
        <translation>Este ordenador no tiene un llavero del sistema utilizable: la clave se guarda en un archivo protegido por una frase de contraseña que usted elige ahora (al menos %1 caracteres). La escribirá cada vez que inicie Corridor.</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>Fill in your delegate id and display name.</source>
        <translation>Indique su identificador de delegado y su nombre visible.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>La frase de contraseña necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Making the key and the request…</source>
        <translation>Creando la clave y la solicitud…</translation>
    </message>
    <message>
        <source>2. Send the request to your mission admin</source>
        <translation>2. Envíe la solicitud al administrador de su misión</translation>
    </message>
    <message>
        <source>They sign it and send you back your device certificate and your mission&apos;s certificate; the secretariat&apos;s venue root certificate comes with them.</source>
        <translation>La firma y le devuelve su certificado de dispositivo y el certificado de su misión; el certificado raíz del foro, de la secretaría, los acompaña.</translation>
    </message>
    <message>
        <source>&amp;Save a copy of the request…</source>
        <translation>&amp;Guardar una copia de la solicitud…</translation>
    </message>
    <message>
        <source>&amp;Copy its location</source>
        <translation>&amp;Copiar su ubicación</translation>
    </message>
    <message>
        <source>Send it by your ministry&apos;s usual channel. The request holds no secret. You may close Corridor now: the next time it starts, it continues with the next step. When your admin calls to confirm, read them the device key above.</source>
        <translation>Envíela por el canal habitual de su ministerio. La solicitud no contiene ningún secreto. Puede cerrar Corridor ahora: la próxima vez que se inicie, continuará con el paso siguiente. Cuando su administrador llame para confirmar, léale la clave de dispositivo que aparece arriba.</translation>
    </message>
    <message>
        <source>Your request: %1</source>
        <translation>Su solicitud: %1</translation>
    </message>
    <message>
        <source>Device key: %1</source>
        <translation>Clave del dispositivo: %1</translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation>Guardar la solicitud</translation>
    </message>
    <message>
        <source>Certificate request (*.pem)</source>
        <translation>Solicitud de certificado (*.pem)</translation>
    </message>
    <message>
        <source>Your request: %1 (a copy is in %2)</source>
        <translation>Su solicitud: %1 (hay una copia en %2)</translation>
    </message>
    <message>
        <source>3. Import your certificates</source>
        <translation>3. Importe sus certificados</translation>
    </message>
    <message>
        <source>Choose the files your mission admin sent. The venue root is accepted only if its fingerprint matches your accreditation letter.</source>
        <translation>Elija los archivos que le envió el administrador de su misión. La raíz del foro solo se acepta si su huella coincide con su carta de acreditación.</translation>
    </message>
    <message>
        <source>C&amp;hoose the files…</source>
        <translation>&amp;Elegir los archivos…</translation>
    </message>
    <message>
        <source>Your &amp;device certificate:</source>
        <translation>Su certificado de &amp;dispositivo:</translation>
    </message>
    <message>
        <source>Your &amp;mission&apos;s certificate:</source>
        <translation>El certificado de su &amp;misión:</translation>
    </message>
    <message>
        <source>The venue &amp;root certificate:</source>
        <translation>El certificado &amp;raíz del foro:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Examinar</translation>
    </message>
    <message>
        <source>64 hex digits or 32 words, from the letter</source>
        <translation>64 dígitos hexadecimales o 32 palabras, de la carta</translation>
    </message>
    <message>
        <source>Root &amp;fingerprint:</source>
        <translation>&amp;Huella de la raíz:</translation>
    </message>
    <message>
        <source>Re&amp;lay address:</source>
        <translation>Dirección del re&amp;lé:</translation>
    </message>
    <message>
        <source>The files from your mission admin</source>
        <translation>Los archivos del administrador de su misión</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer *.der);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>Aún falta: %1</translation>
    </message>
    <message>
        <source>Choose a certificate</source>
        <translation>Elija un certificado</translation>
    </message>
    <message>
        <source>Checking the fingerprint and the certificates…</source>
        <translation>Comprobando la huella y los certificados…</translation>
    </message>
    <message>
        <source>4. Enrolled</source>
        <translation>4. Registrado</translation>
    </message>
    <message>
        <source>The venue root is pinned and your certificate verifies.</source>
        <translation>La raíz del foro está fijada y su certificado es válido.</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>Registrar este dispositivo</translation>
    </message>
    <message>
        <source>&amp;Open the venue</source>
        <translation>&amp;Abrir el foro</translation>
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
        <translation>Canales</translation>
    </message>
    <message>
        <source>&amp;New channel…</source>
        <translation>&amp;Nuevo canal…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connection to the relay</source>
        <translation>Conexión con el relé</translation>
    </message>
    <message>
        <source>&amp;Corridor</source>
        <translation>&amp;Corridor</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Leave channel…</source>
        <translation>&amp;Abandonar el canal…</translation>
    </message>
    <message>
        <source>Transparency log: my &amp;mission…</source>
        <translation>Registro de transparencia: mi &amp;misión…</translation>
    </message>
    <message>
        <source>C&amp;risis desk…</source>
        <translation>Gabinete de c&amp;risis…</translation>
    </message>
    <message>
        <source>My &amp;devices…</source>
        <translation>Mis &amp;dispositivos…</translation>
    </message>
    <message>
        <source>E&amp;xport channel history…</source>
        <translation>E&amp;xportar el historial del canal…</translation>
    </message>
    <message>
        <source>&amp;Back up history…</source>
        <translation>&amp;Copia de seguridad del historial…</translation>
    </message>
    <message>
        <source>Rest&amp;ore history…</source>
        <translation>Rest&amp;aurar el historial…</translation>
    </message>
    <message>
        <source>M&amp;ute this channel</source>
        <translation>Silenciar este canal (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>C&amp;hair</source>
        <translation>&amp;Presidencia</translation>
    </message>
    <message>
        <source>Post a revised &amp;agenda…</source>
        <translation>Publicar un &amp;orden del día revisado…</translation>
    </message>
    <message>
        <source>Convene an &amp;emergency meeting…</source>
        <translation>Convocar una reunión de &amp;emergencia…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Canales</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Mensajes</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>&amp;Redactar</translation>
    </message>
    <message>
        <source>M&amp;embers</source>
        <translation>Mi&amp;embros</translation>
    </message>
    <message>
        <source>Next &amp;unread channel</source>
        <translation>Siguiente canal &amp;sin leer</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Atajos de teclado…</translation>
    </message>
    <message>
        <source>&amp;About Corridor</source>
        <translation>&amp;Acerca de Corridor</translation>
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
        <translation>&amp;Abrir Corridor</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Corridor keeps running in the tray, so a hotline call can ring. Quit ends it.</source>
        <translation>Corridor sigue funcionando en la bandeja del sistema para que una llamada de la línea directa pueda sonar. Salir lo cierra.</translation>
    </message>
    <message>
        <source>Corridor — %1 unread</source>
        <translation>Corridor — %1 sin leer</translation>
    </message>
    <message>
        <source>Classification ceiling: %1</source>
        <translation>Techo de clasificación: %1</translation>
    </message>
    <message>
        <source>The venue&apos;s classification levels, lowest first: %1</source>
        <translation>Los niveles de clasificación de la sede, del más bajo al más alto: %1</translation>
    </message>
    <message>
        <source>Only the chair posts in this notice channel.</source>
        <translation>Solo la presidencia publica en este canal de avisos.</translation>
    </message>
    <message>
        <source>You can no longer post in this channel.</source>
        <translation>Ya no puede publicar en este canal.</translation>
    </message>
    <message>
        <source>A message was not sent: %1</source>
        <translation>Un mensaje no se envió: %1</translation>
    </message>
    <message>
        <source>Security alarm: the relay&apos;s directory — %1</source>
        <translation>Alarma de seguridad: el directorio del relé — %1</translation>
    </message>
    <message>
        <source>A change to this channel was voided by its missions</source>
        <translation>Las misiones del canal anularon un cambio en él</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Advertencia: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>Sin conexión — reconectando…</translation>
    </message>
    <message>
        <source>Emergency meeting</source>
        <translation>Reunión de emergencia</translation>
    </message>
    <message>
        <source>%1 convened an emergency meeting</source>
        <translation>%1 convocó una reunión de emergencia</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Nuevo mensaje de %1</translation>
    </message>
    <message>
        <source>⏱ Messages disappear after %1 (set by %2)</source>
        <translation>⏱ Los mensajes desaparecen tras %1 (establecido por %2)</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>un miembro</translation>
    </message>
    <message>
        <source>About Corridor</source>
        <translation>Acerca de Corridor</translation>
    </message>
    <message>
        <source>Corridor %1</source>
        <translation>Corridor %1</translation>
    </message>
    <message>
        <source>End-to-end-encrypted messaging (MLS, RFC 9420) for the delegations of a multilateral forum.
Licensed under the Apache License, Version 2.0.</source>
        <translation>Mensajería cifrada de extremo a extremo (MLS, RFC 9420) para las delegaciones de un foro multilateral.
Distribuido bajo la Licencia Apache, versión 2.0.</translation>
    </message>
    <message>
        <source>This device trusts the venue whose root certificate has the fingerprint:
%1
%2
Compare it with the one the secretariat published.</source>
        <translation>Este dispositivo confía en el foro cuyo certificado raíz tiene la huella:
%1
%2
Compárela con la que publicó la secretaría.</translation>
    </message>
    <message>
        <source>Withdraw message</source>
        <translation>Retirar el mensaje</translation>
    </message>
    <message>
        <source>Withdraw this message for everyone in the channel?</source>
        <translation>¿Retirar este mensaje para todos los miembros del canal?</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>Abandonar el canal</translation>
    </message>
    <message>
        <source>Leave “%1” on this device?</source>
        <translation>¿Abandonar «%1» en este dispositivo?</translation>
    </message>
    <message>
        <source>The messages you have stay readable on this device. It will receive no new messages in this channel, and the other members will see this device leave. Your other devices stay in the channel.</source>
        <translation>Los mensajes que tiene siguen siendo legibles en este dispositivo. No recibirá mensajes nuevos en este canal, y los demás miembros verán que este dispositivo se va. Sus otros dispositivos permanecen en el canal.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Abandonar</translation>
    </message>
    <message>
        <source>You left “%1” on this device.</source>
        <translation>Abandonó «%1» en este dispositivo.</translation>
    </message>
    <message>
        <source>Offline: leaving “%1” goes at the next connection.</source>
        <translation>Sin conexión: el abandono de «%1» se enviará en la próxima conexión.</translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation>Descartar el mensaje</translation>
    </message>
    <message>
        <source>This message was never delivered. Delete it from this device?</source>
        <translation>Este mensaje nunca se entregó. ¿Eliminarlo de este dispositivo?</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation>Enviando «%1»…</translation>
    </message>
    <message>
        <source>“%1” is queued; the conversation shows it as sent once the relay has it.</source>
        <translation>«%1» está en cola; la conversación lo mostrará como enviado cuando lo tenga el relé.</translation>
    </message>
    <message>
        <source>“%1” is too large to send. Files up to %2 can be attached.</source>
        <translation>«%1» es demasiado grande para enviarlo. Se pueden adjuntar archivos de hasta %2.</translation>
    </message>
    <message>
        <source>The relay&apos;s storage for your attachments is full, so “%1” was not sent. Ask the secretariat, or try again later.</source>
        <translation>El almacenamiento del relé para sus adjuntos está lleno, por lo que «%1» no se envió. Consulte a la secretaría o inténtelo más tarde.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” was not sent. Try again when you are back online.</source>
        <translation>No se puede contactar con el relé, por lo que «%1» no se envió. Inténtelo de nuevo cuando vuelva a estar en línea.</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>No se puede leer «%1»: %2</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>«%1» no se envió: %2</translation>
    </message>
    <message>
        <source>Attachment not sent</source>
        <translation>Adjunto no enviado</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Guardar el adjunto</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>Descargando «%1»…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <source>“%1” was NOT saved: the file the relay returned does not match what the sender sent (it was altered or damaged on the way). Nothing was written. Ask the sender to send it again.</source>
        <translation>«%1» NO se guardó: el archivo que devolvió el relé no coincide con el que envió el remitente (se alteró o dañó por el camino). No se escribió nada. Pida al remitente que lo envíe de nuevo.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” could not be downloaded.</source>
        <translation>No se puede contactar con el relé, por lo que «%1» no se pudo descargar.</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>No se pudo guardar «%1»: %2</translation>
    </message>
    <message>
        <source>Attachment not saved</source>
        <translation>Adjunto no guardado</translation>
    </message>
    <message>
        <source>Creating “%1”…</source>
        <translation>Creando «%1»…</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>Copia de seguridad del historial</translation>
    </message>
    <message numerus="yes">
        <source>Backed up the history of %n channel(s) to %1.</source>
        <translation>
            <numerusform>Historial de %n canal guardado en %1.</numerusform>
            <numerusform>Historial de %n canales guardado en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>Restaurar el historial</translation>
    </message>
    <message numerus="yes">
        <source>Restored the history of %n channel(s) into %1.</source>
        <translation>
            <numerusform>Historial de %n canal restaurado en %1.</numerusform>
            <numerusform>Historial de %n canales restaurado en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Muted: only emergency meetings, acknowledgement requests and hotline calls notify from this channel.</source>
        <translation>Silenciado: de este canal solo notifican las reuniones de emergencia, las solicitudes de acuse de recibo y las llamadas de la línea directa.</translation>
    </message>
    <message>
        <source>Notifications on for this channel.</source>
        <translation>Notificaciones activadas para este canal.</translation>
    </message>
    <message>
        <source>Export channel history</source>
        <translation>Exportar el historial del canal</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Página web (*.html)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1, signed by this device.</source>
        <translation>
            <numerusform>%n mensaje exportado a %1, firmado por este dispositivo.</numerusform>
            <numerusform>%n mensajes exportados a %1, firmados por este dispositivo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Marking</name>
    <message>
        <source>Classification marking: only the levels the channel&apos;s ceiling allows are offered</source>
        <translation>Marca de clasificación: solo se ofrecen los niveles que permite el techo del canal</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Marca:</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>this device</source>
        <translation>este dispositivo</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ verificado</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>no verificado</translation>
    </message>
    <message>
        <source>Device key %1</source>
        <translation>Clave del dispositivo %1</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>%1 · observer</source>
        <translation>%1 · observador</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editado</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <source>read by %1</source>
        <translation>leído por %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>recibo acusado por %1</translation>
    </message>
    <message>
        <source>awaiting acknowledgement</source>
        <translation>pendiente de acuse de recibo</translation>
    </message>
    <message>
        <source>disappears %1</source>
        <translation>desaparece %1</translation>
    </message>
    <message>
        <source>File: %1 · %2 · %3 — Save… (Ctrl+S)</source>
        <translation>Archivo: %1 · %2 · %3 — Guardar… (Ctrl+S)</translation>
    </message>
    <message>
        <source>EMERGENCY MEETING</source>
        <translation>REUNIÓN DE EMERGENCIA</translation>
    </message>
    <message>
        <source>Agenda notice (revision %1)</source>
        <translation>Aviso del orden del día (revisión %1)</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Reunión: %1</translation>
    </message>
    <message>
        <source>Disappearing messages: %1</source>
        <translation>Mensajes temporales: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivados</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>un mensaje anterior</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>&amp;Notices and aid…</source>
        <translation>&amp;Notificaciones y ayuda…</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>notificado</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>modificado</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n exercise(s)</source>
        <translation>
            <numerusform>%1: %n ejercicio</numerusform>
            <numerusform>%1: %n ejercicios</numerusform>
        </translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completado</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>solicitado</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>ofrecido</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceptado</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>Exercise notice</source>
        <translation>Notificación de ejercicio</translation>
    </message>
    <message>
        <source>%1 (ceiling %2)</source>
        <translation>%1 (techo %2)</translation>
    </message>
    <message>
        <source>troops=3000, tanks=40</source>
        <translation>tropas=3000, carros=40</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>No channel to send to</source>
        <translation>No hay canal al que enviar</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>«%1» no es un número</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Forces</source>
        <translation>Fuerzas</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Request aid</source>
        <translation>Solicitar ayuda</translation>
    </message>
    <message>
        <source>water=20000:litres, tents=300</source>
        <translation>agua=20000:litros, tiendas=300</translation>
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
        <translation>rutina</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Necesidades</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgencia</translation>
    </message>
    <message>
        <source>Incident notification</source>
        <translation>Notificación de incidente</translation>
    </message>
    <message>
        <source>-90 to 90</source>
        <translation>-90 a 90</translation>
    </message>
    <message>
        <source>-180 to 180</source>
        <translation>-180 a 180</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 a %2: %3</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Units involved</source>
        <translation>Unidades implicadas</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué ocurrió</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>Solicitud de explicación</translation>
    </message>
    <message>
        <source>Amend the annual exchange</source>
        <translation>Modificar el intercambio anual</translation>
    </message>
    <message>
        <source>Submit the annual exchange</source>
        <translation>Presentar el intercambio anual</translation>
    </message>
    <message>
        <source>what the amendment changes</source>
        <translation>qué cambia la modificación</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Amendment note</source>
        <translation>Nota de modificación</translation>
    </message>
    <message>
        <source>Say what the amendment changes</source>
        <translation>Indique qué cambia la modificación</translation>
    </message>
    <message>
        <source>Due date of the annual exchange</source>
        <translation>Plazo del intercambio anual</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <source>The due date must be in the future</source>
        <translation>El plazo debe ser futuro</translation>
    </message>
    <message>
        <source>Publish a template</source>
        <translation>Publicar una plantilla</translation>
    </message>
    <message>
        <source>ship-incident</source>
        <translation>ship-incident</translation>
    </message>
    <message>
        <source>time, position, ship, intent</source>
        <translation>hora, posición, buque, intención</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Fill in a template</source>
        <translation>Rellenar una plantilla</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>No template has been published</source>
        <translation>No se ha publicado ninguna plantilla</translation>
    </message>
    <message>
        <source>Fill in %1</source>
        <translation>Rellene %1</translation>
    </message>
    <message>
        <source>Notices and aid</source>
        <translation>Notificaciones y ayuda</translation>
    </message>
    <message>
        <source>&amp;New exercise notice…</source>
        <translation>&amp;Nueva notificación de ejercicio…</translation>
    </message>
    <message>
        <source>&amp;Cancel notice</source>
        <translation>&amp;Cancelar notificación</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Misión</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Exercise register</source>
        <translation>Registro de ejercicios</translation>
    </message>
    <message>
        <source>&amp;Request aid…</source>
        <translation>&amp;Solicitar ayuda…</translation>
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation>&amp;Ofrecer</translation>
    </message>
    <message>
        <source>&amp;Accept offer</source>
        <translation>&amp;Aceptar oferta</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>Marcar como &amp;entregado</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Necesidad</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Unmet</source>
        <translation>Sin cubrir</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Ofertas</translation>
    </message>
    <message>
        <source>Disaster aid</source>
        <translation>Ayuda en catástrofes</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Report &amp;incident…</source>
        <translation>Notificar &amp;incidente…</translation>
    </message>
    <message>
        <source>&amp;Link to request</source>
        <translation>&amp;Vincular a solicitud</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Requests for explanation and their incidents</source>
        <translation>Solicitudes de explicación y sus incidentes</translation>
    </message>
    <message>
        <source>Asked of</source>
        <translation>Dirigida a</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <source>&amp;Fill in template…</source>
        <translation>&amp;Rellenar plantilla…</translation>
    </message>
    <message>
        <source>&amp;Publish template…</source>
        <translation>&amp;Publicar plantilla…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>&amp;Presentar…</translation>
    </message>
    <message>
        <source>Set &amp;due date…</source>
        <translation>Fijar el &amp;plazo…</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Presentado</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Con retraso</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>Modificaciones</translation>
    </message>
    <message>
        <source>Annual exchange</source>
        <translation>Intercambio anual</translation>
    </message>
    <message>
        <source>&amp;Amend submission…</source>
        <translation>&amp;Modificar presentación…</translation>
    </message>
    <message>
        <source>%1 (not held here)</source>
        <translation>%1 (no disponible aquí)</translation>
    </message>
    <message>
        <source>Export the exercise register</source>
        <translation>Exportar el registro de ejercicios</translation>
    </message>
    <message>
        <source>PDF for printing (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</source>
        <translation>PDF para imprimir (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Corridor venue</source>
        <translation>Foro Corridor</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>Todas las misiones</translation>
    </message>
    <message>
        <source>%1 (revision %2)</source>
        <translation>%1 (revisión %2)</translation>
    </message>
    <message>
        <source>Unmet needs: %1</source>
        <translation>Necesidades sin cubrir: %1</translation>
    </message>
    <message>
        <source>No unmet needs</source>
        <translation>Ninguna necesidad sin cubrir</translation>
    </message>
    <message>
        <source>Annual exchange %1, due %2</source>
        <translation>Intercambio anual %1, plazo %2</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>no presentado</translation>
    </message>
    <message>
        <source>late</source>
        <translation>con retraso</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>No agenda has been posted yet.</source>
        <translation>Aún no se ha publicado ningún orden del día.</translation>
    </message>
    <message>
        <source>Post a revised a&amp;genda…</source>
        <translation>Publicar un orden del día re&amp;visado…</translation>
    </message>
    <message>
        <source>Pinned agenda:</source>
        <translation>Orden del día fijado:</translation>
    </message>
    <message>
        <source>Pinned agenda</source>
        <translation>Orden del día fijado</translation>
    </message>
    <message>
        <source>Revision %1 · posted by %2 · %3</source>
        <translation>Revisión %1 · publicada por %2 · %3</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acusar recibo</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Ocultar</translation>
    </message>
    <message>
        <source>Acknowledgement tracker</source>
        <translation>Seguimiento de acuses de recibo</translation>
    </message>
    <message>
        <source>EMERGENCY — meeting convened by %1</source>
        <translation>EMERGENCIA — reunión convocada por %1</translation>
    </message>
    <message>
        <source>%1 of %2 missions have not yet acknowledged: %3</source>
        <translation>Aún sin acuse de recibo de %1 de las %2 misiones: %3</translation>
    </message>
    <message>
        <source>Every mission has acknowledged.</source>
        <translation>Todas las misiones han acusado recibo.</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Acusar re&amp;cibo</translation>
    </message>
    <message>
        <source>Hotline: %1 awaits your mission&apos;s acknowledgement: “%2”</source>
        <translation>Línea directa: %1 espera el acuse de recibo de su misión: «%2»</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>(%1 más)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Members by mission</source>
        <translation>Miembros por misión</translation>
    </message>
    <message>
        <source>&amp;Verify device…</source>
        <translation>&amp;Verificar el dispositivo…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Everything in the app can be done from the keyboard: Tab moves between controls, the arrow keys within lists.</source>
        <translation>Todo en la aplicación se puede hacer con el teclado: Tab pasa de un control a otro y las flechas se mueven dentro de las listas.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <source>✓ %1 — acknowledged by %2</source>
        <translation>✓ %1 — recibo acusado por %2</translation>
    </message>
    <message>
        <source>✗ %1 — read, not yet acknowledged</source>
        <translation>✗ %1 — leído, sin acuse de recibo aún</translation>
    </message>
    <message>
        <source>✗ %1 — not yet answered</source>
        <translation>✗ %1 — sin respuesta aún</translation>
    </message>
</context>
<context>
    <name>Transparency</name>
    <message>
        <source>Alarm: %1</source>
        <translation>Alarma: %1</translation>
    </message>
    <message>
        <source>signed tree head: size %1, root %2</source>
        <translation>cabeza de árbol firmada: tamaño %1, raíz %2</translation>
    </message>
    <message>
        <source>record (DER, %1 bytes): %2…</source>
        <translation>registro (DER, %1 bytes): %2…</translation>
    </message>
    <message>
        <source>Directory: checking…</source>
        <translation>Directorio: comprobando…</translation>
    </message>
    <message>
        <source>✔ Directory verified</source>
        <translation>✔ Directorio verificado</translation>
    </message>
    <message>
        <source>⚠ Directory not verified</source>
        <translation>⚠ Directorio no verificado</translation>
    </message>
    <message>
        <source>Directory verification</source>
        <translation>Verificación del directorio</translation>
    </message>
    <message>
        <source>Every member&apos;s certificate is in the venue&apos;s transparency log, and every tree head seen agrees.</source>
        <translation>El certificado de cada miembro está en el registro de transparencia del foro, y todas las cabezas de árbol vistas concuerdan.</translation>
    </message>
    <message>
        <source>The relay&apos;s directory could not be verified for this conversation. Keep the evidence below and tell your security officer.</source>
        <translation>No se pudo verificar el directorio del relé para esta conversación. Conserve las pruebas de abajo e informe a su responsable de seguridad.</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>número de serie</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>titular</translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>alarma</translation>
    </message>
    <message>
        <source>Transparency log: my mission</source>
        <translation>Registro de transparencia: mi misión</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Leyendo el registro…</translation>
    </message>
    <message>
        <source>Issued certificates folder…</source>
        <translation>Carpeta de certificados emitidos…</translation>
    </message>
    <message>
        <source>The mission&apos;s issued/ folder</source>
        <translation>La carpeta issued/ de la misión</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</source>
        <translation>
            <numerusform>%n alarma en el registro (entradas: %1): un certificado que esta misión no emitió. Revóquelo y compruebe quién tiene la clave de la misión.</numerusform>
            <numerusform>%n alarmas en el registro (entradas: %1): un certificado que esta misión no emitió. Revóquelo y compruebe quién tiene la clave de la misión.</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate the mission did not issue (log entries: %1, checked against its signed head).</source>
        <translation>Ningún certificado que la misión no haya emitido (entradas del registro: %1, comprobadas con su cabeza firmada).</translation>
    </message>
    <message>
        <source>The log could not be checked: %1</source>
        <translation>No se pudo comprobar el registro: %1</translation>
    </message>
</context>
<context>
    <name>Venues</name>
    <message>
        <source>%1: %2 unread</source>
        <translation>%1: %2 sin leer</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>Add a venue — choose its home directory</source>
        <translation>Añadir un foro — elija su carpeta del dispositivo</translation>
    </message>
    <message>
        <source>Open venue</source>
        <translation>Abrir el foro</translation>
    </message>
    <message>
        <source>&amp;Open Corridor</source>
        <translation>&amp;Abrir Corridor</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Foro</translation>
    </message>
    <message>
        <source>Venues: switch, open a known one, or add one</source>
        <translation>Foros: cambiar, abrir uno conocido o añadir uno</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this venue</source>
        <translation>Cerrar este foro</translation>
    </message>
    <message>
        <source>Close this venue (its connection ends; the others keep running)</source>
        <translation>Cerrar este foro (su conexión termina; los demás siguen funcionando)</translation>
    </message>
    <message>
        <source>%1 (not open)</source>
        <translation>%1 (no abierto)</translation>
    </message>
    <message>
        <source>Add a venue…</source>
        <translation>Añadir un foro…</translation>
    </message>
</context>
</TS>
