<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>an unexpected error (%1)</source>
        <translation>непредвиденная ошибка (%1)</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>this installation offers no demo venue</source>
        <translation>в этой установке нет демонстрационного форума</translation>
    </message>
    <message>
        <source>Preparing the demo venue (an embedded relay on 127.0.0.1, several missions, channels of every kind)…</source>
        <translation>Подготовка демонстрационного форума (встроенный ретранслятор на 127.0.0.1, несколько миссий, каналы всех видов)…</translation>
    </message>
    <message>
        <source>(demo venue)</source>
        <translation>(демонстрационный форум)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открывается %1…</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this device&apos;s key file. Try again.</source>
        <translation>Неверная парольная фраза: она не открывает файл ключей этого устройства. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>You are %1 (%2) of %3.</source>
        <translation>Вы — %1 (%2), миссия %3.</translation>
    </message>
    <message>
        <source>Your certificate is valid until %1.</source>
        <translation>Ваш сертификат действителен до %1.</translation>
    </message>
    <message>
        <source>Venue root (pinned): %1</source>
        <translation>Корневой сертификат форума (закреплён): %1</translation>
    </message>
    <message>
        <source>Could not open Corridor: %1</source>
        <translation>Не удалось открыть Corridor: %1</translation>
    </message>
    <message>
        <source>Could not open the venue in %1: %2</source>
        <translation>Не удалось открыть форум в %1: %2</translation>
    </message>
</context>
<context>
    <name>Attach</name>
    <message>
        <source>Send a file</source>
        <translation>Отправить файл</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Предпросмотр %1</translation>
    </message>
    <message>
        <source>Send “%1” (%2) to “%3”? Everyone in the channel can download it; it cannot be recalled from their devices.</source>
        <translation>Отправить «%1» (%2) в «%3»? Все участники канала смогут его скачать; удалить его с их устройств будет невозможно.</translation>
    </message>
    <message>
        <source>&amp;Caption (optional):</source>
        <translation>&amp;Подпись (необязательно):</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Отправить</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>A backup holds the history of every channel, not this device&apos;s key nor its encryption state: a restored device is a new device. Its history from before is restored as readable, verified pages in its archive folder; once your mission&apos;s devices have added it, it reads new messages in every channel.</source>
        <translation>Резервная копия содержит историю каждого канала, но не ключ этого устройства и не его состояние шифрования: восстановленное устройство — это новое устройство. Его прежняя история восстанавливается в виде читаемых проверенных страниц в папке архива; когда устройства вашей миссии добавят его, оно будет читать новые сообщения во всех каналах.</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>Резервная копия истории</translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>Восстановить историю</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Парольная фраза копии</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <source>Backup passphrase, again</source>
        <translation>Парольная фраза копии, ещё раз</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Ещё раз:</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>Введите парольную фразу.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Заседание</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Повестка дня</translation>
    </message>
    <message>
        <source>&amp;Open the venue&apos;s calendar…</source>
        <translation>&amp;Открыть календарь площадки…</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation>&amp;Экспорт в календарь…</translation>
    </message>
    <message>
        <source>Could not read the calendar: %1</source>
        <translation>Не удалось прочитать календарь: %1</translation>
    </message>
    <message>
        <source>No calendar yet: open the file of regular meetings your venue hands out.</source>
        <translation>Календаря пока нет: откройте файл регулярных заседаний, который выдаёт ваша площадка.</translation>
    </message>
    <message>
        <source>Times in UTC. The export keeps each meeting&apos;s recurrence and agenda.</source>
        <translation>Время в UTC. При экспорте сохраняются повторение и повестка каждого заседания.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>Calendar written to %1</source>
        <translation>Календарь записан в %1</translation>
    </message>
    <message>
        <source>Open the venue&apos;s calendar</source>
        <translation>Открыть календарь площадки</translation>
    </message>
    <message>
        <source>Calendar (*.json)</source>
        <translation>Календарь (*.json)</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>Экспорт в календарь</translation>
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
        <translation>Объявления</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>Двусторонние</translation>
    </message>
    <message>
        <source>Multilateral</source>
        <translation>Многосторонние</translation>
    </message>
    <message>
        <source>Caucus</source>
        <translation>Закрытые группы</translation>
    </message>
    <message>
        <source>Missions: %1</source>
        <translation>Миссии: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Предупреждение: %1</translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation>%1, непрочитанных: %2</translation>
    </message>
    <message>
        <source>routing warning</source>
        <translation>предупреждение о маршрутизации</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation>Перейти к новейшим сообщениям</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Ответить</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Изменить</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Ото&amp;звать</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Подтвердить получение</translation>
    </message>
    <message>
        <source>&amp;Save attachment…</source>
        <translation>&amp;Сохранить вложение…</translation>
    </message>
    <message>
        <source>Jump to the &amp;newest messages</source>
        <translation>Перейти к &amp;новейшим сообщениям</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Копировать текст</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>Отправить &amp;снова</translation>
    </message>
    <message>
        <source>&amp;Discard unsent message</source>
        <translation>&amp;Удалить неотправленное сообщение</translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation>Реакция %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n новое сообщение ↓</numerusform>
            <numerusform>%n новых сообщения ↓</numerusform>
            <numerusform>%n новых сообщений ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Ре&amp;акция</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Write a message — Enter sends, Shift+Enter for a new line</source>
        <translation>Напишите сообщение — Enter отправляет, Shift+Enter — новая строка</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>&amp;Вложить…</translation>
    </message>
    <message>
        <source>Needs ac&amp;knowledgement</source>
        <translation>Требуется &amp;подтверждение</translation>
    </message>
    <message>
        <source>Hotline: the other missions are asked to acknowledge</source>
        <translation>Горячая линия: другим миссиям предлагается подтвердить получение</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Гриф:</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Ответ %1: %2</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>Редактирование вашего сообщения</translation>
    </message>
</context>
<context>
    <name>Crisis</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 назад</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>молния</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>срочно</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>обычный</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлен</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>доставлен</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>просмотрен</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>получение подтверждено</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>дан ответ</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>дежурный</translation>
    </message>
    <message>
        <source>deputy</source>
        <translation>заместитель</translation>
    </message>
    <message>
        <source>head of mission</source>
        <translation>глава миссии</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>дан ответ</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>просрочен</translation>
    </message>
    <message>
        <source>meeting requested</source>
        <translation>запрошено заседание</translation>
    </message>
    <message>
        <source>meeting called</source>
        <translation>заседание созвано</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>лично</translation>
    </message>
    <message>
        <source>remotely</source>
        <translation>дистанционно</translation>
    </message>
    <message>
        <source>represented</source>
        <translation>через представителя</translation>
    </message>
    <message>
        <source>cannot attend</source>
        <translation>не сможет</translation>
    </message>
    <message>
        <source>unanswered %1</source>
        <translation>без ответа %1</translation>
    </message>
    <message>
        <source>unanswered %1 — escalated to %2</source>
        <translation>без ответа %1 — передано: %2</translation>
    </message>
    <message>
        <source>Hotline call</source>
        <translation>Вызов по горячей линии</translation>
    </message>
    <message>
        <source>%1 (mission %2)</source>
        <translation>%1 (миссия %2)</translation>
    </message>
    <message>
        <source>Flash: reply within 10 minutes</source>
        <translation>Молния: ответ в течение 10 минут</translation>
    </message>
    <message>
        <source>Urgent: reply within 1 hour</source>
        <translation>Срочно: ответ в течение 1 часа</translation>
    </message>
    <message>
        <source>Routine: reply within 24 hours</source>
        <translation>Обычный: ответ в течение 24 часов</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Канал:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Приоритет:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Подробности:</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Гриф:</translation>
    </message>
    <message>
        <source>&amp;Call now</source>
        <translation>&amp;Вызвать сейчас</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>Запрос разъяснений</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Канал:</translation>
    </message>
    <message>
        <source>&amp;To mission:</source>
        <translation>&amp;Миссии:</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Что:</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>&amp;Где:</translation>
    </message>
    <message>
        <source>Wh&amp;en:</source>
        <translation>&amp;Когда:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Ссылка:</translation>
    </message>
    <message>
        <source>The mission must reply within 48 hours.</source>
        <translation>Миссия должна ответить в течение 48 часов.</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>&amp;Отправить запрос</translation>
    </message>
    <message>
        <source>Crisis desk</source>
        <translation>Кризисный центр</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Подтвердить получение</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>От → кому</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>Этапы</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Эскалация</translation>
    </message>
    <message>
        <source>&amp;Call…</source>
        <translation>&amp;Вызвать…</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>По&amp;дтвердить</translation>
    </message>
    <message>
        <source>A&amp;nswer…</source>
        <translation>&amp;Ответить…</translation>
    </message>
    <message>
        <source>&amp;Hotline</source>
        <translation>&amp;Горячая линия</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Инциденты</translation>
    </message>
    <message>
        <source>&amp;Request…</source>
        <translation>&amp;Запросить…</translation>
    </message>
    <message>
        <source>Re&amp;ply…</source>
        <translation>&amp;Ответить…</translation>
    </message>
    <message>
        <source>Ask the chair for a &amp;meeting</source>
        <translation>Попросить председателя о &amp;заседании</translation>
    </message>
    <message>
        <source>&amp;Explanations</source>
        <translation>&amp;Разъяснения</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Заседание</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>Созвал(а)</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Участие</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Нет ответа</translation>
    </message>
    <message>
        <source>Attending in person</source>
        <translation>Лично</translation>
    </message>
    <message>
        <source>Attending remotely</source>
        <translation>Дистанционно</translation>
    </message>
    <message>
        <source>Represented by…</source>
        <translation>Представитель…</translation>
    </message>
    <message>
        <source>Cannot attend</source>
        <translation>Не сможет участвовать</translation>
    </message>
    <message>
        <source>who represents your mission</source>
        <translation>кто представляет вашу миссию</translation>
    </message>
    <message>
        <source>&amp;Answer for my mission</source>
        <translation>&amp;Ответить за мою миссию</translation>
    </message>
    <message>
        <source>Proposed in bilateral channels (nobody convenes there):</source>
        <translation>Предложено в двусторонних каналах (там никто не созывает):</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Предложил</translation>
    </message>
    <message>
        <source>Place and agenda</source>
        <translation>Место и повестка</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Acce&amp;pt</source>
        <translation>При&amp;нять</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>&amp;Отклонить</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Заседания</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>&amp;Календарь</translation>
    </message>
    <message>
        <source>Ring even when Corridor was not opened: &amp;start it when I log in</source>
        <translation>Звонить, даже если Corridor не открыт: &amp;запускать при входе в систему</translation>
    </message>
    <message>
        <source>%1 HOTLINE CALL from %2: %3 — %4</source>
        <translation>%1 ВЫЗОВ ПО ГОРЯЧЕЙ ЛИНИИ от %2: %3 — %4</translation>
    </message>
    <message>
        <source>On duty: %1 · deputy %2 · head of mission %3</source>
        <translation>Дежурный: %1 · заместитель %2 · глава миссии %3</translation>
    </message>
    <message>
        <source>No duty roster: every delegate of your mission is called</source>
        <translation>Графика дежурств нет: вызываются все делегаты вашей миссии</translation>
    </message>
    <message>
        <source>Mission %1: someone on duty</source>
        <translation>Миссия %1: дежурный на месте</translation>
    </message>
    <message>
        <source>Mission %1: nobody on duty</source>
        <translation>Миссия %1: дежурного нет</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation> (с опозданием)</translation>
    </message>
    <message>
        <source>%1 accepts</source>
        <translation>%1 принимает</translation>
    </message>
    <message>
        <source>%1 declines</source>
        <translation>%1 отклоняет</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>ответа ещё нет</translation>
    </message>
    <message>
        <source>%1 is available to talk until %2</source>
        <translation>%1 готов(а) поговорить до %2</translation>
    </message>
    <message>
        <source>Sent %1 · reply by %2</source>
        <translation>Отправлено %1 · ответ до %2</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>called %1 at %2%3</source>
        <translation>вызван уровень %1 в %2%3</translation>
    </message>
    <message>
        <source>Answer the call</source>
        <translation>Ответить на вызов</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Ответ:</translation>
    </message>
    <message>
        <source>Reply to the request</source>
        <translation>Ответить на запрос</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Разъяснение:</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>%1 (venue: %2)</source>
        <translation>%1 (место проведения: %2)</translation>
    </message>
    <message>
        <source>under silence; broken so far by %1</source>
        <translation>процедура молчания; молчание пока нарушили: %1</translation>
    </message>
    <message>
        <source>under silence</source>
        <translation>процедура молчания</translation>
    </message>
    <message>
        <source>broken by %1</source>
        <translation>молчание нарушено: %1</translation>
    </message>
    <message>
        <source>disputed: break sent at %1, not confirmed</source>
        <translation>оспаривается: возражение отправлено в %1, не подтверждено</translation>
    </message>
    <message>
        <source>pending: a later revision was not received</source>
        <translation>ожидание: более поздняя редакция не получена</translation>
    </message>
    <message>
        <source>pending: awaiting closing statements from %1</source>
        <translation>ожидание: нет заключительных заявлений от %1</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>принято</translation>
    </message>
    <message>
        <source>agreed by %1 of %2 missions at version %3</source>
        <translation>одобрено %1 из %2 миссий в версии %3</translation>
    </message>
    <message>
        <source>Editors take the lock first</source>
        <translation>Редакторы сначала берут блокировку</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Канал:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Заголовок:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Т&amp;екст:</translation>
    </message>
    <message>
        <source>&amp;Silence period (hours):</source>
        <translation>&amp;Срок молчания (часы):</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Гриф:</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Решения</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Редакция</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>&amp;Put under silence…</source>
        <translation>&amp;Начать процедуру молчания…</translation>
    </message>
    <message>
        <source>&amp;Break silence…</source>
        <translation>&amp;Нарушить молчание…</translation>
    </message>
    <message>
        <source>&amp;Withdraw my break</source>
        <translation>&amp;Отозвать моё возражение</translation>
    </message>
    <message>
        <source>Re&amp;vise…</source>
        <translation>Пере&amp;смотреть…</translation>
    </message>
    <message>
        <source>&amp;Silence procedure</source>
        <translation>&amp;Процедура молчания</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <source>&amp;New document…</source>
        <translation>&amp;Новый документ…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Править…</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>&amp;Комментировать…</translation>
    </message>
    <message>
        <source>Si&amp;gn off</source>
        <translation>&amp;Одобрить</translation>
    </message>
    <message>
        <source>&amp;Diff…</source>
        <translation>&amp;Различия…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>&amp;Drafting</source>
        <translation>&amp;Редактирование</translation>
    </message>
    <message>
        <source>You take part as an observer: you cannot break silence or sign off.</source>
        <translation>Вы участвуете как наблюдатель: вы не можете нарушить молчание или одобрить текст.</translation>
    </message>
    <message>
        <source>Your break (%1) is not confirmed: %2 have not acknowledged it. Raise it by other means.</source>
        <translation>Ваше возражение (%1) не подтверждено: %2 не подтвердили получение. Сообщите о нём другим способом.</translation>
    </message>
    <message>
        <source>Revision %1 put by %2 · text SHA-256 %3</source>
        <translation>Редакция %1 от %2 · SHA-256 текста %3</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>отозвано</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>подтверждено</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>не подтверждено</translation>
    </message>
    <message>
        <source>%1 broke silence at %2: %3 (%4)</source>
        <translation>%1 нарушил(а) молчание в %2: %3 (%4)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Итог: %1</translation>
    </message>
    <message>
        <source>Version %1 by %2 at %3</source>
        <translation>Версия %1, автор %2, %3</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>наблюдатель</translation>
    </message>
    <message>
        <source>Signed off: %1</source>
        <translation>Одобрили: %1</translation>
    </message>
    <message>
        <source>Put a text under silence</source>
        <translation>Начать процедуру молчания по тексту</translation>
    </message>
    <message>
        <source>Break silence</source>
        <translation>Нарушить молчание</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Revise the text (the clock restarts)</source>
        <translation>Пересмотреть текст (срок начинается заново)</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Новый документ</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Новая версия</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Paragraph:</source>
        <translation>Абзац:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Различия</translation>
    </message>
    <message>
        <source>From version:</source>
        <translation>С версии:</translation>
    </message>
    <message>
        <source>Export the agreed text</source>
        <translation>Экспортировать согласованный текст</translation>
    </message>
    <message>
        <source>D&amp;ecisions…</source>
        <translation>Р&amp;ешения…</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>My devices</source>
        <translation>Мои устройства</translation>
    </message>
    <message>
        <source>Reading the venue directory…</source>
        <translation>Чтение каталога форума…</translation>
    </message>
    <message>
        <source>&amp;Remove device…</source>
        <translation>&amp;Удалить устройство…</translation>
    </message>
    <message>
        <source>Remove the selected device</source>
        <translation>Удалить выбранное устройство</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>это устройство</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активно</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) of yours in the venue. Remove one you lost: it can no longer connect, and it is removed from every channel.</source>
        <translation>
            <numerusform>У вас %n устройство на форуме. Удалите потерянное: оно больше не сможет подключиться и будет удалено из всех каналов.</numerusform>
            <numerusform>У вас %n устройства на форуме. Удалите потерянное: оно больше не сможет подключиться и будет удалено из всех каналов.</numerusform>
            <numerusform>У вас %n устройств на форуме. Удалите потерянное: оно больше не сможет подключиться и будет удалено из всех каналов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The devices could not be read: %1</source>
        <translation>Не удалось прочитать список устройств: %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1: it can no longer connect, and it is being removed from %n channel(s).</source>
        <translation>
            <numerusform>%1 удалено: оно больше не может подключиться и удаляется из %n канала.</numerusform>
            <numerusform>%1 удалено: оно больше не может подключиться и удаляется из %n каналов.</numerusform>
            <numerusform>%1 удалено: оно больше не может подключиться и удаляется из %n каналов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will no longer connect to the venue and is removed from its %n channel(s): it cannot read any new message. This cannot be undone. If it may be in other hands, also ask your mission to revoke its certificate.</source>
        <translation>
            <numerusform>Оно больше не сможет подключиться к форуму и будет удалено из своего %n канала: оно не сможет читать новые сообщения. Это действие необратимо. Если устройство могло попасть в чужие руки, попросите также свою миссию отозвать его сертификат.</numerusform>
            <numerusform>Оно больше не сможет подключиться к форуму и будет удалено из своих %n каналов: оно не сможет читать новые сообщения. Это действие необратимо. Если устройство могло попасть в чужие руки, попросите также свою миссию отозвать его сертификат.</numerusform>
            <numerusform>Оно больше не сможет подключиться к форуму и будет удалено из своих %n каналов: оно не сможет читать новые сообщения. Это действие необратимо. Если устройство могло попасть в чужие руки, попросите также свою миссию отозвать его сертификат.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>Удалить устройство</translation>
    </message>
    <message>
        <source>Remove your device %1 (%2)?</source>
        <translation>Удалить ваше устройство %1 (%2)?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Удаление…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Exactly two missions: yours and one other. Nobody can change the pair.</source>
        <translation>Ровно две миссии: ваша и ещё одна. Никто не может изменить эту пару.</translation>
    </message>
    <message>
        <source>Several missions (a working group). You convene it and may change it.</source>
        <translation>Несколько миссий (рабочая группа). Вы её созываете и можете изменять.</translation>
    </message>
    <message>
        <source>A private group of allied missions, invisible to everyone else.</source>
        <translation>Закрытая группа союзных миссий, невидимая для всех остальных.</translation>
    </message>
    <message>
        <source>Every mission of the venue; only the chair posts. Chair only.</source>
        <translation>Все миссии форума; публикует только председатель. Только для председателя.</translation>
    </message>
    <message>
        <source>What kind of channel?</source>
        <translation>Какой вид канала?</translation>
    </message>
    <message>
        <source>The kind decides who may join, who may change the members and who may post. It never changes later.</source>
        <translation>Вид определяет, кто может присоединиться, кто может менять состав и кто может публиковать. Позже он не меняется.</translation>
    </message>
    <message>
        <source>&amp;Bilateral</source>
        <translation>&amp;Двусторонний</translation>
    </message>
    <message>
        <source>&amp;Multilateral</source>
        <translation>&amp;Многосторонний</translation>
    </message>
    <message>
        <source>&amp;Caucus</source>
        <translation>&amp;Закрытая группа</translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation>&amp;Объявления</translation>
    </message>
    <message>
        <source>Name and missions</source>
        <translation>Название и миссии</translation>
    </message>
    <message>
        <source>For example: Working group on incident prevention</source>
        <translation>Например: Рабочая группа по предотвращению инцидентов</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Миссии</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Missions:</source>
        <translation>&amp;Миссии:</translation>
    </message>
    <message>
        <source>%1 (your mission)</source>
        <translation>%1 (ваша миссия)</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>Дайте каналу название.</translation>
    </message>
    <message>
        <source>✓ The channel policy allows this.</source>
        <translation>✓ Политика канала это разрешает.</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>Новый канал</translation>
    </message>
    <message>
        <source>QR code of the safety number</source>
        <translation>QR-код кода безопасности</translation>
    </message>
    <message>
        <source>QR code unavailable (install qrcode)</source>
        <translation>QR-код недоступен (установите qrcode)</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>Проверка: %1</translation>
    </message>
    <message>
        <source>Compare these words with %1, in person or on a call you trust. If they match on both devices, nobody has substituted a key.</source>
        <translation>Сравните эти слова с %1 лично или во время звонка, которому вы доверяете. Если на обоих устройствах они совпадают, никто не подменил ключ.</translation>
    </message>
    <message>
        <source>This device: %1
Their device: %2</source>
        <translation>Это устройство: %1
Его устройство: %2</translation>
    </message>
    <message>
        <source>They &amp;match — mark as verified</source>
        <translation>&amp;Совпадают — отметить как проверенное</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Не сейчас</translation>
    </message>
    <message>
        <source>Verified ✔ — close</source>
        <translation>Проверено ✔ — закрыть</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выкл.</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 час</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 день</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 неделя</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Показывать &amp;уведомления на рабочем столе</translation>
    </message>
    <message>
        <source>Start Corridor when I log &amp;in (in the tray, so hotline calls ring)</source>
        <translation>Запускать Corridor при входе в систему (&amp;в трее, чтобы звонки горячей линии звучали)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Системная</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>A new language applies when Corridor restarts.</source>
        <translation>Новый язык вступит в силу после перезапуска Corridor.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Disappearing messages in “%1”:</source>
        <translation>&amp;Исчезающие сообщения в «%1»:</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Поиск сообщений</translation>
    </message>
    <message>
        <source>Search this device&apos;s messages (whole words; “word*” for a prefix)</source>
        <translation>Поиск по сообщениям этого устройства (целые слова; «слово*» для начала слова)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n результат</numerusform>
            <numerusform>%n результата</numerusform>
            <numerusform>%n результатов</numerusform>
        </translation>
    </message>
    <message>
        <source>Post a revised agenda</source>
        <translation>Опубликовать пересмотренную повестку дня</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Заголовок:</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>&amp;Повестка дня:</translation>
    </message>
    <message>
        <source>Convene an emergency meeting</source>
        <translation>Созвать экстренное заседание</translation>
    </message>
    <message>
        <source>e.g. Conference room B</source>
        <translation>например, конференц-зал B</translation>
    </message>
    <message>
        <source>Why the meeting is needed: every mission reads this before acknowledging.</source>
        <translation>Зачем нужно заседание: каждая миссия прочтёт это перед подтверждением.</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Когда:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Место:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Ссылка:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>&amp;Проверить…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Назад</translation>
    </message>
    <message>
        <source>&amp;Convene now</source>
        <translation>&amp;Созвать сейчас</translation>
    </message>
    <message>
        <source>Give the reason: every mission reads it before acknowledging.</source>
        <translation>Укажите причину: каждая миссия прочтёт её перед подтверждением.</translation>
    </message>
    <message>
        <source>That time is in the past.</source>
        <translation>Это время уже прошло.</translation>
    </message>
    <message>
        <source>Every mission in “%1” will be alarmed and asked to acknowledge.</source>
        <translation>Все миссии в «%1» получат тревожное оповещение и просьбу подтвердить получение.</translation>
    </message>
    <message>
        <source>this channel</source>
        <translation>этом канале</translation>
    </message>
    <message>
        <source>When: %1 (%2)</source>
        <translation>Когда: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>через %n минуту</numerusform>
            <numerusform>через %n минуты</numerusform>
            <numerusform>через %n минут</numerusform>
        </translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation>Место: %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Ссылка: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Причина: %1</translation>
    </message>
    <message>
        <source>Welcome to Corridor</source>
        <translation>Добро пожаловать в Corridor</translation>
    </message>
    <message>
        <source>This device is not enrolled in a venue yet (home: %1).</source>
        <translation>Это устройство ещё не зарегистрировано ни на одном форуме (папка: %1).</translation>
    </message>
    <message>
        <source>Open a &amp;demo venue</source>
        <translation>Открыть &amp;демонстрационный форум</translation>
    </message>
    <message>
        <source>A complete venue on this computer only (127.0.0.1): several missions, channels of every kind and delegates who answer.</source>
        <translation>Полноценный форум только на этом компьютере (127.0.0.1): несколько миссий, каналы всех видов и отвечающие делегаты.</translation>
    </message>
    <message>
        <source>&amp;Enrol this device…</source>
        <translation>&amp;Зарегистрировать это устройство…</translation>
    </message>
    <message>
        <source>You need your accreditation letter (the venue root fingerprint) and your mission admin.</source>
        <translation>Вам понадобятся аккредитационное письмо (отпечаток корневого сертификата форума) и администратор вашей миссии.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минута</numerusform>
            <numerusform>%n минуты</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n секунда</numerusform>
            <numerusform>%n секунды</numerusform>
            <numerusform>%n секунд</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message>
        <source>Unlock Corridor</source>
        <translation>Разблокировать Corridor</translation>
    </message>
    <message>
        <source>This device&apos;s keys are in a passphrase-protected file (no OS keyring is in use). Enter its passphrase to open
%1</source>
        <translation>Ключи этого устройства хранятся в файле, защищённом парольной фразой (связка ключей ОС не используется). Введите парольную фразу, чтобы открыть
%1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыйти</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Введите парольную фразу.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Разблокировка…</translation>
    </message>
    <message>
        <source>1. This device&apos;s key</source>
        <translation>1. Ключ этого устройства</translation>
    </message>
    <message>
        <source>Corridor makes a signature key on this computer (it never leaves it) and a certificate request for your mission admin.</source>
        <translation>Corridor создаёт на этом компьютере ключ подписи (он никогда его не покидает) и запрос сертификата для администратора вашей миссии.</translation>
    </message>
    <message>
        <source>as your mission admin gave it, e.g. amartin</source>
        <translation>как его выдал администратор миссии, например amartin</translation>
    </message>
    <message>
        <source>your name as others see it, e.g. Alice Martin</source>
        <translation>ваше имя, как его видят другие, например Alice Martin</translation>
    </message>
    <message>
        <source>&amp;Delegate id:</source>
        <translation>&amp;Идентификатор делегата:</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>Отображаемое &amp;имя:</translation>
    </message>
    <message>
        <source>This computer has no usable OS keyring: the key goes into a file protected by a passphrase you choose now (at least %1 characters). You will type it each time Corridor starts.</source>
        <translation>На этом компьютере нет пригодной связки ключей ОС: ключ будет помещён в файл, защищённый парольной фразой, которую вы выберете сейчас (не менее %1 символов). Вы будете вводить её при каждом запуске Corridor.</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Повторите её:</translation>
    </message>
    <message>
        <source>Fill in your delegate id and display name.</source>
        <translation>Введите идентификатор делегата и отображаемое имя.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>Парольная фраза должна содержать не менее %1 символов.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <source>Making the key and the request…</source>
        <translation>Создаются ключ и запрос…</translation>
    </message>
    <message>
        <source>2. Send the request to your mission admin</source>
        <translation>2. Отправьте запрос администратору вашей миссии</translation>
    </message>
    <message>
        <source>They sign it and send you back your device certificate and your mission&apos;s certificate; the secretariat&apos;s venue root certificate comes with them.</source>
        <translation>Он подписывает его и присылает вам сертификат устройства и сертификат вашей миссии; вместе с ними приходит корневой сертификат форума от секретариата.</translation>
    </message>
    <message>
        <source>&amp;Save a copy of the request…</source>
        <translation>&amp;Сохранить копию запроса…</translation>
    </message>
    <message>
        <source>&amp;Copy its location</source>
        <translation>&amp;Копировать его путь</translation>
    </message>
    <message>
        <source>Send it by your ministry&apos;s usual channel. The request holds no secret. You may close Corridor now: the next time it starts, it continues with the next step. When your admin calls to confirm, read them the device key above.</source>
        <translation>Отправьте его обычным каналом вашего министерства. Запрос не содержит секретов. Можно закрыть Corridor: при следующем запуске он продолжит со следующего шага. Когда администратор позвонит для подтверждения, прочтите ему ключ устройства, указанный выше.</translation>
    </message>
    <message>
        <source>Your request: %1</source>
        <translation>Ваш запрос: %1</translation>
    </message>
    <message>
        <source>Device key: %1</source>
        <translation>Ключ устройства: %1</translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation>Сохранить запрос</translation>
    </message>
    <message>
        <source>Certificate request (*.pem)</source>
        <translation>Запрос сертификата (*.pem)</translation>
    </message>
    <message>
        <source>Your request: %1 (a copy is in %2)</source>
        <translation>Ваш запрос: %1 (копия в %2)</translation>
    </message>
    <message>
        <source>3. Import your certificates</source>
        <translation>3. Импортируйте сертификаты</translation>
    </message>
    <message>
        <source>Choose the files your mission admin sent. The venue root is accepted only if its fingerprint matches your accreditation letter.</source>
        <translation>Выберите файлы, присланные администратором вашей миссии. Корневой сертификат форума принимается, только если его отпечаток совпадает с указанным в аккредитационном письме.</translation>
    </message>
    <message>
        <source>C&amp;hoose the files…</source>
        <translation>&amp;Выбрать файлы…</translation>
    </message>
    <message>
        <source>Your &amp;device certificate:</source>
        <translation>Сертификат &amp;устройства:</translation>
    </message>
    <message>
        <source>Your &amp;mission&apos;s certificate:</source>
        <translation>Сертификат вашей &amp;миссии:</translation>
    </message>
    <message>
        <source>The venue &amp;root certificate:</source>
        <translation>&amp;Корневой сертификат форума:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>64 hex digits or 32 words, from the letter</source>
        <translation>64 шестнадцатеричные цифры или 32 слова из письма</translation>
    </message>
    <message>
        <source>Root &amp;fingerprint:</source>
        <translation>&amp;Отпечаток корневого сертификата:</translation>
    </message>
    <message>
        <source>Re&amp;lay address:</source>
        <translation>Адрес &amp;ретранслятора:</translation>
    </message>
    <message>
        <source>The files from your mission admin</source>
        <translation>Файлы от администратора вашей миссии</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Сертификаты (*.pem *.crt *.cer *.der);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>Ещё не хватает: %1</translation>
    </message>
    <message>
        <source>Choose a certificate</source>
        <translation>Выберите сертификат</translation>
    </message>
    <message>
        <source>Checking the fingerprint and the certificates…</source>
        <translation>Проверка отпечатка и сертификатов…</translation>
    </message>
    <message>
        <source>4. Enrolled</source>
        <translation>4. Регистрация завершена</translation>
    </message>
    <message>
        <source>The venue root is pinned and your certificate verifies.</source>
        <translation>Корневой сертификат форума закреплён, ваш сертификат прошёл проверку.</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>Регистрация устройства</translation>
    </message>
    <message>
        <source>&amp;Open the venue</source>
        <translation>&amp;Открыть форум</translation>
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
        <translation>Каналы</translation>
    </message>
    <message>
        <source>&amp;New channel…</source>
        <translation>&amp;Новый канал…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Connection to the relay</source>
        <translation>Подключение к ретранслятору</translation>
    </message>
    <message>
        <source>&amp;Corridor</source>
        <translation>&amp;Corridor</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Поиск…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Leave channel…</source>
        <translation>П&amp;окинуть канал…</translation>
    </message>
    <message>
        <source>Transparency log: my &amp;mission…</source>
        <translation>Журнал прозрачности: моя &amp;миссия…</translation>
    </message>
    <message>
        <source>C&amp;risis desk…</source>
        <translation>Кризисный &amp;центр…</translation>
    </message>
    <message>
        <source>My &amp;devices…</source>
        <translation>Мои &amp;устройства…</translation>
    </message>
    <message>
        <source>E&amp;xport channel history…</source>
        <translation>&amp;Экспорт истории канала…</translation>
    </message>
    <message>
        <source>&amp;Back up history…</source>
        <translation>&amp;Резервная копия истории…</translation>
    </message>
    <message>
        <source>Rest&amp;ore history…</source>
        <translation>&amp;Восстановить историю…</translation>
    </message>
    <message>
        <source>M&amp;ute this channel</source>
        <translation>Отключить &amp;уведомления канала</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыйти</translation>
    </message>
    <message>
        <source>C&amp;hair</source>
        <translation>П&amp;редседатель</translation>
    </message>
    <message>
        <source>Post a revised &amp;agenda…</source>
        <translation>Опубликовать пересмотренную &amp;повестку дня…</translation>
    </message>
    <message>
        <source>Convene an &amp;emergency meeting…</source>
        <translation>Созвать &amp;экстренное заседание…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Каналы</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Сообщения</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>&amp;Написать</translation>
    </message>
    <message>
        <source>M&amp;embers</source>
        <translation>&amp;Участники</translation>
    </message>
    <message>
        <source>Next &amp;unread channel</source>
        <translation>Следующий &amp;непрочитанный канал</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Сочетания клавиш…</translation>
    </message>
    <message>
        <source>&amp;About Corridor</source>
        <translation>&amp;О программе Corridor</translation>
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
        <translation>&amp;Открыть Corridor</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>Corridor keeps running in the tray, so a hotline call can ring. Quit ends it.</source>
        <translation>Corridor продолжает работать в системном трее, чтобы вызов горячей линии мог прозвучать. «Выход» завершает работу.</translation>
    </message>
    <message>
        <source>Corridor — %1 unread</source>
        <translation>Corridor — непрочитанных: %1</translation>
    </message>
    <message>
        <source>Classification ceiling: %1</source>
        <translation>Предел грифа секретности: %1</translation>
    </message>
    <message>
        <source>The venue&apos;s classification levels, lowest first: %1</source>
        <translation>Грифы секретности площадки, от низшего: %1</translation>
    </message>
    <message>
        <source>Only the chair posts in this notice channel.</source>
        <translation>В этом канале объявлений публикует только председатель.</translation>
    </message>
    <message>
        <source>You can no longer post in this channel.</source>
        <translation>Вы больше не можете публиковать в этом канале.</translation>
    </message>
    <message>
        <source>A message was not sent: %1</source>
        <translation>Сообщение не отправлено: %1</translation>
    </message>
    <message>
        <source>Security alarm: the relay&apos;s directory — %1</source>
        <translation>Тревога безопасности: каталог ретранслятора — %1</translation>
    </message>
    <message>
        <source>A change to this channel was voided by its missions</source>
        <translation>Изменение этого канала отменено его миссиями</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Предупреждение: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Подключено</translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>Нет связи — повторное подключение…</translation>
    </message>
    <message>
        <source>Emergency meeting</source>
        <translation>Экстренное заседание</translation>
    </message>
    <message>
        <source>%1 convened an emergency meeting</source>
        <translation>%1 созывает экстренное заседание</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Новое сообщение от %1</translation>
    </message>
    <message>
        <source>⏱ Messages disappear after %1 (set by %2)</source>
        <translation>⏱ Сообщения исчезают через %1 (установил(а) %2)</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>участник</translation>
    </message>
    <message>
        <source>About Corridor</source>
        <translation>О программе Corridor</translation>
    </message>
    <message>
        <source>Corridor %1</source>
        <translation>Corridor %1</translation>
    </message>
    <message>
        <source>End-to-end-encrypted messaging (MLS, RFC 9420) for the delegations of a multilateral forum.
Licensed under the Apache License, Version 2.0.</source>
        <translation>Обмен сообщениями со сквозным шифрованием (MLS, RFC 9420) для делегаций многостороннего форума.
Распространяется по лицензии Apache License, версия 2.0.</translation>
    </message>
    <message>
        <source>This device trusts the venue whose root certificate has the fingerprint:
%1
%2
Compare it with the one the secretariat published.</source>
        <translation>Это устройство доверяет форуму, корневой сертификат которого имеет отпечаток:
%1
%2
Сравните его с опубликованным секретариатом.</translation>
    </message>
    <message>
        <source>Withdraw message</source>
        <translation>Отозвать сообщение</translation>
    </message>
    <message>
        <source>Withdraw this message for everyone in the channel?</source>
        <translation>Отозвать это сообщение у всех участников канала?</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>Покинуть канал</translation>
    </message>
    <message>
        <source>Leave “%1” on this device?</source>
        <translation>Покинуть «%1» на этом устройстве?</translation>
    </message>
    <message>
        <source>The messages you have stay readable on this device. It will receive no new messages in this channel, and the other members will see this device leave. Your other devices stay in the channel.</source>
        <translation>Имеющиеся у вас сообщения останутся доступными на этом устройстве. Оно больше не будет получать новые сообщения в этом канале, а другие участники увидят, что это устройство вышло. Ваши другие устройства останутся в канале.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Покинуть</translation>
    </message>
    <message>
        <source>You left “%1” on this device.</source>
        <translation>Вы покинули «%1» на этом устройстве.</translation>
    </message>
    <message>
        <source>Offline: leaving “%1” goes at the next connection.</source>
        <translation>Нет связи: выход из «%1» будет отправлен при следующем подключении.</translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation>Удалить сообщение</translation>
    </message>
    <message>
        <source>This message was never delivered. Delete it from this device?</source>
        <translation>Это сообщение так и не было доставлено. Удалить его с этого устройства?</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Вложить файл</translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation>Отправка «%1»…</translation>
    </message>
    <message>
        <source>“%1” is queued; the conversation shows it as sent once the relay has it.</source>
        <translation>«%1» в очереди; в переписке он будет отмечен как отправленный, когда его получит ретранслятор.</translation>
    </message>
    <message>
        <source>“%1” is too large to send. Files up to %2 can be attached.</source>
        <translation>«%1» слишком велик для отправки. Можно вкладывать файлы размером до %2.</translation>
    </message>
    <message>
        <source>The relay&apos;s storage for your attachments is full, so “%1” was not sent. Ask the secretariat, or try again later.</source>
        <translation>Хранилище ретранслятора для ваших вложений заполнено, поэтому «%1» не отправлен. Обратитесь в секретариат или повторите попытку позже.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” was not sent. Try again when you are back online.</source>
        <translation>Ретранслятор недоступен, поэтому «%1» не отправлен. Повторите попытку, когда снова будете в сети.</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>Не удаётся прочитать «%1»: %2</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>«%1» не отправлен: %2</translation>
    </message>
    <message>
        <source>Attachment not sent</source>
        <translation>Вложение не отправлено</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Сохранить вложение</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>Загрузка «%1»…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Сохранено в %1</translation>
    </message>
    <message>
        <source>“%1” was NOT saved: the file the relay returned does not match what the sender sent (it was altered or damaged on the way). Nothing was written. Ask the sender to send it again.</source>
        <translation>«%1» НЕ сохранён: файл, полученный от ретранслятора, не совпадает с отправленным (он был изменён или повреждён в пути). Ничего не записано. Попросите отправителя прислать его снова.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” could not be downloaded.</source>
        <translation>Ретранслятор недоступен, поэтому «%1» не удалось загрузить.</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>Не удалось сохранить «%1»: %2</translation>
    </message>
    <message>
        <source>Attachment not saved</source>
        <translation>Вложение не сохранено</translation>
    </message>
    <message>
        <source>Creating “%1”…</source>
        <translation>Создание «%1»…</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>Резервная копия истории</translation>
    </message>
    <message numerus="yes">
        <source>Backed up the history of %n channel(s) to %1.</source>
        <translation>
            <numerusform>История %n канала сохранена в %1.</numerusform>
            <numerusform>История %n каналов сохранена в %1.</numerusform>
            <numerusform>История %n каналов сохранена в %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>Восстановить историю</translation>
    </message>
    <message numerus="yes">
        <source>Restored the history of %n channel(s) into %1.</source>
        <translation>
            <numerusform>История %n канала восстановлена в %1.</numerusform>
            <numerusform>История %n каналов восстановлена в %1.</numerusform>
            <numerusform>История %n каналов восстановлена в %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Muted: only emergency meetings, acknowledgement requests and hotline calls notify from this channel.</source>
        <translation>Без звука: из этого канала уведомляют только экстренные заседания, запросы подтверждения и звонки горячей линии.</translation>
    </message>
    <message>
        <source>Notifications on for this channel.</source>
        <translation>Уведомления для этого канала включены.</translation>
    </message>
    <message>
        <source>Export channel history</source>
        <translation>Экспорт истории канала</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Веб-страница (*.html)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1, signed by this device.</source>
        <translation>
            <numerusform>%n сообщение экспортировано в %1 и подписано этим устройством.</numerusform>
            <numerusform>%n сообщения экспортированы в %1 и подписаны этим устройством.</numerusform>
            <numerusform>%n сообщений экспортировано в %1 и подписано этим устройством.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минута</numerusform>
            <numerusform>%n минуты</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n секунда</numerusform>
            <numerusform>%n секунды</numerusform>
            <numerusform>%n секунд</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Marking</name>
    <message>
        <source>Classification marking: only the levels the channel&apos;s ceiling allows are offered</source>
        <translation>Гриф секретности: предлагаются только уровни, допустимые пределом канала</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Гриф:</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>this device</source>
        <translation>это устройство</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ проверено</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>не проверено</translation>
    </message>
    <message>
        <source>Device key %1</source>
        <translation>Ключ устройства %1</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>%1 · observer</source>
        <translation>%1 · наблюдатель</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>ошибка: %1</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>отправка…</translation>
    </message>
    <message>
        <source>read by %1</source>
        <translation>прочитано: %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>получение подтвердили: %1</translation>
    </message>
    <message>
        <source>awaiting acknowledgement</source>
        <translation>ожидается подтверждение</translation>
    </message>
    <message>
        <source>disappears %1</source>
        <translation>исчезнет %1</translation>
    </message>
    <message>
        <source>File: %1 · %2 · %3 — Save… (Ctrl+S)</source>
        <translation>Файл: %1 · %2 · %3 — Сохранить… (Ctrl+S)</translation>
    </message>
    <message>
        <source>EMERGENCY MEETING</source>
        <translation>ЭКСТРЕННОЕ ЗАСЕДАНИЕ</translation>
    </message>
    <message>
        <source>Agenda notice (revision %1)</source>
        <translation>Уведомление о повестке дня (редакция %1)</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Заседание: %1</translation>
    </message>
    <message>
        <source>Disappearing messages: %1</source>
        <translation>Исчезающие сообщения: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>более раннее сообщение</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>&amp;Notices and aid…</source>
        <translation>&amp;Уведомления и помощь…</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>уведомлено</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n exercise(s)</source>
        <translation>
            <numerusform>%1: %n учение</numerusform>
            <numerusform>%1: %n учения</numerusform>
            <numerusform>%1: %n учений</numerusform>
        </translation>
    </message>
    <message>
        <source>completed</source>
        <translation>завершено</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>запрошено</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>предложено</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принято</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>доставлено</translation>
    </message>
    <message>
        <source>Exercise notice</source>
        <translation>Уведомление об учениях</translation>
    </message>
    <message>
        <source>%1 (ceiling %2)</source>
        <translation>%1 (предел %2)</translation>
    </message>
    <message>
        <source>troops=3000, tanks=40</source>
        <translation>войска=3000, танки=40</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>No channel to send to</source>
        <translation>Нет канала для отправки</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>«%1» — не число</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Конец</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Район</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Долгота</translation>
    </message>
    <message>
        <source>Forces</source>
        <translation>Силы</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Деятельность</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Request aid</source>
        <translation>Запросить помощь</translation>
    </message>
    <message>
        <source>water=20000:litres, tents=300</source>
        <translation>вода=20000:литры, палатки=300</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>молния</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>срочно</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>обычно</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Потребности</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Срочность</translation>
    </message>
    <message>
        <source>Incident notification</source>
        <translation>Уведомление об инциденте</translation>
    </message>
    <message>
        <source>-90 to 90</source>
        <translation>от -90 до 90</translation>
    </message>
    <message>
        <source>-180 to 180</source>
        <translation>от -180 до 180</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Units involved</source>
        <translation>Задействованные подразделения</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>Запрос разъяснений</translation>
    </message>
    <message>
        <source>Amend the annual exchange</source>
        <translation>Изменить ежегодный обмен</translation>
    </message>
    <message>
        <source>Submit the annual exchange</source>
        <translation>Представить ежегодный обмен</translation>
    </message>
    <message>
        <source>what the amendment changes</source>
        <translation>что меняет поправка</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Amendment note</source>
        <translation>Примечание к поправке</translation>
    </message>
    <message>
        <source>Say what the amendment changes</source>
        <translation>Укажите, что меняет поправка</translation>
    </message>
    <message>
        <source>Due date of the annual exchange</source>
        <translation>Срок ежегодного обмена</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>The due date must be in the future</source>
        <translation>Срок должен быть в будущем</translation>
    </message>
    <message>
        <source>Publish a template</source>
        <translation>Опубликовать шаблон</translation>
    </message>
    <message>
        <source>ship-incident</source>
        <translation>ship-incident</translation>
    </message>
    <message>
        <source>time, position, ship, intent</source>
        <translation>время, позиция, корабль, намерение</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Fill in a template</source>
        <translation>Заполнить шаблон</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>No template has been published</source>
        <translation>Шаблоны не опубликованы</translation>
    </message>
    <message>
        <source>Fill in %1</source>
        <translation>Заполните %1</translation>
    </message>
    <message>
        <source>Notices and aid</source>
        <translation>Уведомления и помощь</translation>
    </message>
    <message>
        <source>&amp;New exercise notice…</source>
        <translation>&amp;Новое уведомление об учениях…</translation>
    </message>
    <message>
        <source>&amp;Cancel notice</source>
        <translation>&amp;Отменить уведомление</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Миссия</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Учения</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Exercise register</source>
        <translation>Реестр учений</translation>
    </message>
    <message>
        <source>&amp;Request aid…</source>
        <translation>&amp;Запросить помощь…</translation>
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation>&amp;Предложить</translation>
    </message>
    <message>
        <source>&amp;Accept offer</source>
        <translation>П&amp;ринять предложение</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>Отметить как &amp;доставлено</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Потребность</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Unmet</source>
        <translation>Не покрыто</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <source>Disaster aid</source>
        <translation>Помощь при бедствиях</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Календарь</translation>
    </message>
    <message>
        <source>Report &amp;incident…</source>
        <translation>Сообщить об &amp;инциденте…</translation>
    </message>
    <message>
        <source>&amp;Link to request</source>
        <translation>&amp;Связать с запросом</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Позиция</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Подразделения</translation>
    </message>
    <message>
        <source>Requests for explanation and their incidents</source>
        <translation>Запросы разъяснений и связанные инциденты</translation>
    </message>
    <message>
        <source>Asked of</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Инциденты</translation>
    </message>
    <message>
        <source>&amp;Fill in template…</source>
        <translation>&amp;Заполнить шаблон…</translation>
    </message>
    <message>
        <source>&amp;Publish template…</source>
        <translation>&amp;Опубликовать шаблон…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Значения</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Шаблоны</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>&amp;Представить…</translation>
    </message>
    <message>
        <source>Set &amp;due date…</source>
        <translation>Установить &amp;срок…</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Представлено</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>С опозданием</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <source>Annual exchange</source>
        <translation>Ежегодный обмен</translation>
    </message>
    <message>
        <source>&amp;Amend submission…</source>
        <translation>&amp;Изменить представленное…</translation>
    </message>
    <message>
        <source>%1 (not held here)</source>
        <translation>%1 (здесь отсутствует)</translation>
    </message>
    <message>
        <source>Export the exercise register</source>
        <translation>Экспорт реестра учений</translation>
    </message>
    <message>
        <source>PDF for printing (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</source>
        <translation>PDF для печати (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Corridor venue</source>
        <translation>Форум Corridor</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>Все миссии</translation>
    </message>
    <message>
        <source>%1 (revision %2)</source>
        <translation>%1 (редакция %2)</translation>
    </message>
    <message>
        <source>Unmet needs: %1</source>
        <translation>Непокрытые потребности: %1</translation>
    </message>
    <message>
        <source>No unmet needs</source>
        <translation>Непокрытых потребностей нет</translation>
    </message>
    <message>
        <source>Annual exchange %1, due %2</source>
        <translation>Ежегодный обмен %1, срок %2</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>не представлено</translation>
    </message>
    <message>
        <source>late</source>
        <translation>с опозданием</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>No agenda has been posted yet.</source>
        <translation>Повестка дня ещё не опубликована.</translation>
    </message>
    <message>
        <source>Post a revised a&amp;genda…</source>
        <translation>Опубликовать пересмотренную &amp;повестку дня…</translation>
    </message>
    <message>
        <source>Pinned agenda:</source>
        <translation>Закреплённая повестка дня:</translation>
    </message>
    <message>
        <source>Pinned agenda</source>
        <translation>Закреплённая повестка дня</translation>
    </message>
    <message>
        <source>Revision %1 · posted by %2 · %3</source>
        <translation>Редакция %1 · опубликовал(а) %2 · %3</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Подтвердить получение</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Скрыть</translation>
    </message>
    <message>
        <source>Acknowledgement tracker</source>
        <translation>Отслеживание подтверждений</translation>
    </message>
    <message>
        <source>EMERGENCY — meeting convened by %1</source>
        <translation>ЭКСТРЕННО — заседание созывает %1</translation>
    </message>
    <message>
        <source>%1 of %2 missions have not yet acknowledged: %3</source>
        <translation>Ещё не подтвердили получение (%1 из %2 миссий): %3</translation>
    </message>
    <message>
        <source>Every mission has acknowledged.</source>
        <translation>Все миссии подтвердили получение.</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>По&amp;дтвердить</translation>
    </message>
    <message>
        <source>Hotline: %1 awaits your mission&apos;s acknowledgement: “%2”</source>
        <translation>Горячая линия: %1 ожидает подтверждения от вашей миссии: «%2»</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>(и ещё %1)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Members by mission</source>
        <translation>Участники по миссиям</translation>
    </message>
    <message>
        <source>&amp;Verify device…</source>
        <translation>&amp;Проверить устройство…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Everything in the app can be done from the keyboard: Tab moves between controls, the arrow keys within lists.</source>
        <translation>Всё в приложении можно сделать с клавиатуры: Tab переходит между элементами, стрелки перемещают по спискам.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Клавиша</translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <source>✓ %1 — acknowledged by %2</source>
        <translation>✓ %1 — получение подтвердил(а) %2</translation>
    </message>
    <message>
        <source>✗ %1 — read, not yet acknowledged</source>
        <translation>✗ %1 — прочитано, но не подтверждено</translation>
    </message>
    <message>
        <source>✗ %1 — not yet answered</source>
        <translation>✗ %1 — ответа пока нет</translation>
    </message>
</context>
<context>
    <name>Transparency</name>
    <message>
        <source>Alarm: %1</source>
        <translation>Тревога: %1</translation>
    </message>
    <message>
        <source>signed tree head: size %1, root %2</source>
        <translation>подписанная вершина дерева: размер %1, корень %2</translation>
    </message>
    <message>
        <source>record (DER, %1 bytes): %2…</source>
        <translation>запись (DER, байт: %1): %2…</translation>
    </message>
    <message>
        <source>Directory: checking…</source>
        <translation>Каталог: проверка…</translation>
    </message>
    <message>
        <source>✔ Directory verified</source>
        <translation>✔ Каталог проверен</translation>
    </message>
    <message>
        <source>⚠ Directory not verified</source>
        <translation>⚠ Каталог не проверен</translation>
    </message>
    <message>
        <source>Directory verification</source>
        <translation>Проверка каталога</translation>
    </message>
    <message>
        <source>Every member&apos;s certificate is in the venue&apos;s transparency log, and every tree head seen agrees.</source>
        <translation>Сертификат каждого участника есть в журнале прозрачности форума, и все полученные вершины дерева согласуются.</translation>
    </message>
    <message>
        <source>The relay&apos;s directory could not be verified for this conversation. Keep the evidence below and tell your security officer.</source>
        <translation>Каталог ретранслятора не удалось проверить для этой беседы. Сохраните приведённые ниже доказательства и сообщите сотруднику по безопасности.</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>серийный номер</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>субъект</translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>тревога</translation>
    </message>
    <message>
        <source>Transparency log: my mission</source>
        <translation>Журнал прозрачности: моя миссия</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Чтение журнала…</translation>
    </message>
    <message>
        <source>Issued certificates folder…</source>
        <translation>Папка выданных сертификатов…</translation>
    </message>
    <message>
        <source>The mission&apos;s issued/ folder</source>
        <translation>Папка issued/ миссии</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</source>
        <translation>
            <numerusform>%n тревога в журнале (записей: %1): сертификат, который эта миссия не выдавала. Отзовите его и проверьте, у кого находится ключ миссии.</numerusform>
            <numerusform>%n тревоги в журнале (записей: %1): сертификат, который эта миссия не выдавала. Отзовите его и проверьте, у кого находится ключ миссии.</numerusform>
            <numerusform>%n тревог в журнале (записей: %1): сертификат, который эта миссия не выдавала. Отзовите его и проверьте, у кого находится ключ миссии.</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate the mission did not issue (log entries: %1, checked against its signed head).</source>
        <translation>Нет сертификатов, которые миссия не выдавала (записей в журнале: %1, проверено по подписанной вершине).</translation>
    </message>
    <message>
        <source>The log could not be checked: %1</source>
        <translation>Не удалось проверить журнал: %1</translation>
    </message>
</context>
<context>
    <name>Venues</name>
    <message>
        <source>%1: %2 unread</source>
        <translation>%1: непрочитанных — %2</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>Add a venue — choose its home directory</source>
        <translation>Добавить форум — выберите его домашний каталог</translation>
    </message>
    <message>
        <source>Open venue</source>
        <translation>Открыть форум</translation>
    </message>
    <message>
        <source>&amp;Open Corridor</source>
        <translation>&amp;Открыть Corridor</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Форум</translation>
    </message>
    <message>
        <source>Venues: switch, open a known one, or add one</source>
        <translation>Форумы: переключиться, открыть известный или добавить новый</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close this venue</source>
        <translation>Закрыть этот форум</translation>
    </message>
    <message>
        <source>Close this venue (its connection ends; the others keep running)</source>
        <translation>Закрыть этот форум (его соединение завершится; остальные продолжают работать)</translation>
    </message>
    <message>
        <source>%1 (not open)</source>
        <translation>%1 (не открыт)</translation>
    </message>
    <message>
        <source>Add a venue…</source>
        <translation>Добавить форум…</translation>
    </message>
</context>
</TS>
