<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>an unexpected error (%1)</source>
        <translation>予期しないエラー (%1)</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>this installation offers no demo venue</source>
        <translation>このインストールにはデモ用フォーラムがありません</translation>
    </message>
    <message>
        <source>Preparing the demo venue (an embedded relay on 127.0.0.1, several missions, channels of every kind)…</source>
        <translation>デモ用フォーラムを準備しています (127.0.0.1 上の内蔵リレー、複数の代表部、各種チャンネル)…</translation>
    </message>
    <message>
        <source>(demo venue)</source>
        <translation>(デモ用フォーラム)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this device&apos;s key file. Try again.</source>
        <translation>パスフレーズが違います。このデバイスの鍵ファイルを開けません。もう一度入力してください。</translation>
    </message>
    <message>
        <source>You are %1 (%2) of %3.</source>
        <translation>あなたは %3 代表部の %1 (%2) です。</translation>
    </message>
    <message>
        <source>Your certificate is valid until %1.</source>
        <translation>あなたの証明書の有効期限は %1 です。</translation>
    </message>
    <message>
        <source>Venue root (pinned): %1</source>
        <translation>フォーラムのルート (固定済み): %1</translation>
    </message>
    <message>
        <source>Could not open Corridor: %1</source>
        <translation>Corridor を開けませんでした: %1</translation>
    </message>
    <message>
        <source>Could not open the venue in %1: %2</source>
        <translation>%1 のフォーラムを開けませんでした: %2</translation>
    </message>
</context>
<context>
    <name>Attach</name>
    <message>
        <source>Send a file</source>
        <translation>ファイルを送信</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>%1 のプレビュー</translation>
    </message>
    <message>
        <source>Send “%1” (%2) to “%3”? Everyone in the channel can download it; it cannot be recalled from their devices.</source>
        <translation>「%1」(%2) を「%3」に送信しますか? チャンネルの全員がダウンロードでき、相手のデバイスから取り消すことはできません。</translation>
    </message>
    <message>
        <source>&amp;Caption (optional):</source>
        <translation>キャプション (任意)(&amp;C):</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>キャプション</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>送信(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>A backup holds the history of every channel, not this device&apos;s key nor its encryption state: a restored device is a new device. Its history from before is restored as readable, verified pages in its archive folder; once your mission&apos;s devices have added it, it reads new messages in every channel.</source>
        <translation>バックアップにはすべてのチャンネルの履歴が含まれますが、このデバイスの鍵や暗号化の状態は含まれません。復元したデバイスは新しいデバイスです。以前の履歴は、検証済みの読みやすいページとしてアーカイブ フォルダーに復元されます。ミッションのデバイスがこのデバイスを追加すると、すべてのチャンネルで新しいメッセージを読めるようになります。</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>履歴をバックアップ</translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>履歴を復元</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>バックアップのパスフレーズ</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>Backup passphrase, again</source>
        <translation>バックアップのパスフレーズ (確認)</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>確認(&amp;A):</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会議</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>議題</translation>
    </message>
    <message>
        <source>&amp;Open the venue&apos;s calendar…</source>
        <translation>会場のカレンダーを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation>カレンダーにエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>Could not read the calendar: %1</source>
        <translation>カレンダーを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>No calendar yet: open the file of regular meetings your venue hands out.</source>
        <translation>カレンダーはまだありません。会場が配布する定例会議のファイルを開いてください。</translation>
    </message>
    <message>
        <source>Times in UTC. The export keeps each meeting&apos;s recurrence and agenda.</source>
        <translation>時刻は UTC です。エクスポートには各会議の繰り返しと議題が含まれます。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>Calendar written to %1</source>
        <translation>カレンダーを %1 に書き込みました</translation>
    </message>
    <message>
        <source>Open the venue&apos;s calendar</source>
        <translation>会場のカレンダーを開く</translation>
    </message>
    <message>
        <source>Calendar (*.json)</source>
        <translation>カレンダー (*.json)</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>カレンダーにエクスポート</translation>
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
        <translation>お知らせ</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>二国間</translation>
    </message>
    <message>
        <source>Multilateral</source>
        <translation>多国間</translation>
    </message>
    <message>
        <source>Caucus</source>
        <translation>有志グループ</translation>
    </message>
    <message>
        <source>Missions: %1</source>
        <translation>代表部: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation>%1、未読 %2 件</translation>
    </message>
    <message>
        <source>routing warning</source>
        <translation>ルーティングの警告</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation>最新のメッセージへ移動</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>返信(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>取り消し(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>受領を確認(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save attachment…</source>
        <translation>添付ファイルを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Jump to the &amp;newest messages</source>
        <translation>最新のメッセージへ移動(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>テキストをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>再送信(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Discard unsent message</source>
        <translation>未送信のメッセージを破棄(&amp;D)</translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation>%1 でリアクション</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>新着メッセージ %n 件 ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>リアクション(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Write a message — Enter sends, Shift+Enter for a new line</source>
        <translation>メッセージを入力 — Enter で送信、Shift+Enter で改行</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>送信(&amp;S)</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>添付(&amp;T)…</translation>
    </message>
    <message>
        <source>Needs ac&amp;knowledgement</source>
        <translation>受領確認を求める(&amp;K)</translation>
    </message>
    <message>
        <source>Hotline: the other missions are asked to acknowledge</source>
        <translation>ホットライン: 他の代表部に受領確認を求めます</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>区分表示</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>区分表示(&amp;M):</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>%1 への返信: %2</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>メッセージを編集中</translation>
    </message>
</context>
<context>
    <name>Crisis</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 前</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>至急</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>緊急</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>通常</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>配信済み</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>表示済み</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>受領確認済み</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>返答済み</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>当番</translation>
    </message>
    <message>
        <source>deputy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>head of mission</source>
        <translation>代表部の長</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>回答済み</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <source>meeting requested</source>
        <translation>会合を要請済み</translation>
    </message>
    <message>
        <source>meeting called</source>
        <translation>会合招集済み</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>対面</translation>
    </message>
    <message>
        <source>remotely</source>
        <translation>リモート</translation>
    </message>
    <message>
        <source>represented</source>
        <translation>代理出席</translation>
    </message>
    <message>
        <source>cannot attend</source>
        <translation>欠席</translation>
    </message>
    <message>
        <source>unanswered %1</source>
        <translation>%1 応答なし</translation>
    </message>
    <message>
        <source>unanswered %1 — escalated to %2</source>
        <translation>%1 応答なし — %2 にエスカレーション</translation>
    </message>
    <message>
        <source>Hotline call</source>
        <translation>ホットライン呼び出し</translation>
    </message>
    <message>
        <source>%1 (mission %2)</source>
        <translation>%1 (代表部 %2)</translation>
    </message>
    <message>
        <source>Flash: reply within 10 minutes</source>
        <translation>至急: 10 分以内に返答</translation>
    </message>
    <message>
        <source>Urgent: reply within 1 hour</source>
        <translation>緊急: 1 時間以内に返答</translation>
    </message>
    <message>
        <source>Routine: reply within 24 hours</source>
        <translation>通常: 24 時間以内に返答</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>チャンネル(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>優先度(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>件名(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>詳細(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>区分表示(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Call now</source>
        <translation>今すぐ呼び出す(&amp;C)</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>説明の要請</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>チャンネル(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;To mission:</source>
        <translation>宛先の代表部(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>内容(&amp;W):</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>場所(&amp;H):</translation>
    </message>
    <message>
        <source>Wh&amp;en:</source>
        <translation>日時(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>参照番号(&amp;R):</translation>
    </message>
    <message>
        <source>The mission must reply within 48 hours.</source>
        <translation>代表部は 48 時間以内に返答しなければなりません。</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>要請を送信(&amp;S)</translation>
    </message>
    <message>
        <source>Crisis desk</source>
        <translation>危機対応デスク</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>受領を確認(&amp;A)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>発信 → 宛先</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>区分表示</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>エスカレーション</translation>
    </message>
    <message>
        <source>&amp;Call…</source>
        <translation>呼び出す(&amp;C)…</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>受領を確認(&amp;K)</translation>
    </message>
    <message>
        <source>A&amp;nswer…</source>
        <translation>返答(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Hotline</source>
        <translation>ホットライン(&amp;H)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>残り時間</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>インシデント</translation>
    </message>
    <message>
        <source>&amp;Request…</source>
        <translation>要請(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;ply…</source>
        <translation>回答(&amp;P)…</translation>
    </message>
    <message>
        <source>Ask the chair for a &amp;meeting</source>
        <translation>議長に会合を求める(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Explanations</source>
        <translation>説明(&amp;E)</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会合</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>チャンネル</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>招集者</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出欠</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>Attending in person</source>
        <translation>対面で出席</translation>
    </message>
    <message>
        <source>Attending remotely</source>
        <translation>リモートで出席</translation>
    </message>
    <message>
        <source>Represented by…</source>
        <translation>代理出席…</translation>
    </message>
    <message>
        <source>Cannot attend</source>
        <translation>出席できない</translation>
    </message>
    <message>
        <source>who represents your mission</source>
        <translation>代表部の代理人</translation>
    </message>
    <message>
        <source>&amp;Answer for my mission</source>
        <translation>自分の代表部として回答(&amp;A)</translation>
    </message>
    <message>
        <source>Proposed in bilateral channels (nobody convenes there):</source>
        <translation>二国間チャネルでの提案（そこでは誰も招集しません）:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>提案者</translation>
    </message>
    <message>
        <source>Place and agenda</source>
        <translation>場所と議題</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Acce&amp;pt</source>
        <translation>承諾(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>辞退(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>会合(&amp;M)</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>カレンダー(&amp;L)</translation>
    </message>
    <message>
        <source>Ring even when Corridor was not opened: &amp;start it when I log in</source>
        <translation>Corridor を開いていなくても鳴らす: ログイン時に起動する(&amp;S)</translation>
    </message>
    <message>
        <source>%1 HOTLINE CALL from %2: %3 — %4</source>
        <translation>%1 ホットライン呼び出し (%2 から): %3 — %4</translation>
    </message>
    <message>
        <source>On duty: %1 · deputy %2 · head of mission %3</source>
        <translation>当番: %1 · 代理 %2 · 代表部の長 %3</translation>
    </message>
    <message>
        <source>No duty roster: every delegate of your mission is called</source>
        <translation>当番表がありません: 代表部の全代表団員が呼び出されます</translation>
    </message>
    <message>
        <source>Mission %1: someone on duty</source>
        <translation>代表部 %1: 当直者あり</translation>
    </message>
    <message>
        <source>Mission %1: nobody on duty</source>
        <translation>代表部 %1: 当直者なし</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation> (遅延)</translation>
    </message>
    <message>
        <source>%1 accepts</source>
        <translation>%1 が承諾</translation>
    </message>
    <message>
        <source>%1 declines</source>
        <translation>%1 が辞退</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>%1 is available to talk until %2</source>
        <translation>%1 は %2 まで話ができます</translation>
    </message>
    <message>
        <source>Sent %1 · reply by %2</source>
        <translation>送信 %1 · 返答期限 %2</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>called %1 at %2%3</source>
        <translation>レベル %1 を %2 に呼び出し%3</translation>
    </message>
    <message>
        <source>Answer the call</source>
        <translation>呼び出しに返答</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>返答:</translation>
    </message>
    <message>
        <source>Reply to the request</source>
        <translation>要請に回答</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>説明:</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>%1 (venue: %2)</source>
        <translation>%1(会場: %2)</translation>
    </message>
    <message>
        <source>under silence; broken so far by %1</source>
        <translation>黙示承認手続中。これまでの異議: %1</translation>
    </message>
    <message>
        <source>under silence</source>
        <translation>黙示承認手続中</translation>
    </message>
    <message>
        <source>broken by %1</source>
        <translation>%1 が異議</translation>
    </message>
    <message>
        <source>disputed: break sent at %1, not confirmed</source>
        <translation>係争中: %1 に異議送信、未確認</translation>
    </message>
    <message>
        <source>pending: a later revision was not received</source>
        <translation>保留中: 後の改訂版を受信していません</translation>
    </message>
    <message>
        <source>pending: awaiting closing statements from %1</source>
        <translation>保留中: %1 の締結声明待ち</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>採択</translation>
    </message>
    <message>
        <source>agreed by %1 of %2 missions at version %3</source>
        <translation>%2 代表部中 %1 が版 %3 に同意</translation>
    </message>
    <message>
        <source>Editors take the lock first</source>
        <translation>編集者は先にロックを取得する</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>チャンネル(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>件名(&amp;T):</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>本文(&amp;X):</translation>
    </message>
    <message>
        <source>&amp;Silence period (hours):</source>
        <translation>黙示期間(時間)(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>区分表示(&amp;M):</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>決定</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>改訂</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>区分表示</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>&amp;Put under silence…</source>
        <translation>黙示承認にかける(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Break silence…</source>
        <translation>異議を申し立てる(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw my break</source>
        <translation>異議を撤回(&amp;W)</translation>
    </message>
    <message>
        <source>Re&amp;vise…</source>
        <translation>改訂(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Silence procedure</source>
        <translation>黙示承認手続(&amp;S)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>合意</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>&amp;New document…</source>
        <translation>新規文書(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>コメント(&amp;C)…</translation>
    </message>
    <message>
        <source>Si&amp;gn off</source>
        <translation>承認(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Diff…</source>
        <translation>差分(&amp;D)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>書き出し(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Drafting</source>
        <translation>共同起草(&amp;D)</translation>
    </message>
    <message>
        <source>You take part as an observer: you cannot break silence or sign off.</source>
        <translation>オブザーバーとして参加中: 異議申し立てや承認はできません。</translation>
    </message>
    <message>
        <source>Your break (%1) is not confirmed: %2 have not acknowledged it. Raise it by other means.</source>
        <translation>あなたの異議(%1)は未確認です: %2 が受領を確認していません。別の手段で伝えてください。</translation>
    </message>
    <message>
        <source>Revision %1 put by %2 · text SHA-256 %3</source>
        <translation>改訂 %1(提出: %2)· 本文 SHA-256 %3</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>撤回済み</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>%1 broke silence at %2: %3 (%4)</source>
        <translation>%1 が %2 に異議: %3(%4)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>結果: %1</translation>
    </message>
    <message>
        <source>Version %1 by %2 at %3</source>
        <translation>版 %1(%2、%3)</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>オブザーバー</translation>
    </message>
    <message>
        <source>Signed off: %1</source>
        <translation>承認済み: %1</translation>
    </message>
    <message>
        <source>Put a text under silence</source>
        <translation>文書を黙示承認にかける</translation>
    </message>
    <message>
        <source>Break silence</source>
        <translation>異議を申し立てる</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由:</translation>
    </message>
    <message>
        <source>Revise the text (the clock restarts)</source>
        <translation>文書を改訂(期限は再開始)</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新規文書</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新しい版</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Paragraph:</source>
        <translation>段落:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>コメント:</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差分</translation>
    </message>
    <message>
        <source>From version:</source>
        <translation>比較元の版:</translation>
    </message>
    <message>
        <source>Export the agreed text</source>
        <translation>合意文書を書き出す</translation>
    </message>
    <message>
        <source>D&amp;ecisions…</source>
        <translation>決定(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>チャンネル</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>My devices</source>
        <translation>自分のデバイス</translation>
    </message>
    <message>
        <source>Reading the venue directory…</source>
        <translation>フォーラムのディレクトリを読み込んでいます…</translation>
    </message>
    <message>
        <source>&amp;Remove device…</source>
        <translation>デバイスを削除(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the selected device</source>
        <translation>選択したデバイスを削除</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>このデバイス</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>削除済み</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有効</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) of yours in the venue. Remove one you lost: it can no longer connect, and it is removed from every channel.</source>
        <translation>
            <numerusform>フォーラムにあるあなたのデバイス: %n 台。紛失したデバイスを削除すると、そのデバイスは接続できなくなり、すべてのチャンネルから削除されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>The devices could not be read: %1</source>
        <translation>デバイスを読み込めませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1: it can no longer connect, and it is being removed from %n channel(s).</source>
        <translation>
            <numerusform>%1 を削除しました: 接続できなくなり、%n 個のチャンネルから削除しています。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will no longer connect to the venue and is removed from its %n channel(s): it cannot read any new message. This cannot be undone. If it may be in other hands, also ask your mission to revoke its certificate.</source>
        <translation>
            <numerusform>このデバイスはフォーラムに接続できなくなり、%n 個のチャンネルから削除されます。新しいメッセージは一切読めなくなります。この操作は元に戻せません。他人の手に渡っている可能性がある場合は、代表部に証明書の失効も依頼してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>デバイスを削除</translation>
    </message>
    <message>
        <source>Remove your device %1 (%2)?</source>
        <translation>あなたのデバイス %1 (%2) を削除しますか?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>削除しています…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Exactly two missions: yours and one other. Nobody can change the pair.</source>
        <translation>ちょうど二つの代表部: あなたの代表部ともう一つ。この組み合わせは誰も変更できません。</translation>
    </message>
    <message>
        <source>Several missions (a working group). You convene it and may change it.</source>
        <translation>複数の代表部 (作業部会)。あなたが招集し、変更できます。</translation>
    </message>
    <message>
        <source>A private group of allied missions, invisible to everyone else.</source>
        <translation>友好的な代表部の非公開グループ。他の全員からは見えません。</translation>
    </message>
    <message>
        <source>Every mission of the venue; only the chair posts. Chair only.</source>
        <translation>フォーラムのすべての代表部。投稿できるのは議長のみ。議長専用。</translation>
    </message>
    <message>
        <source>What kind of channel?</source>
        <translation>どの種類のチャンネルにしますか?</translation>
    </message>
    <message>
        <source>The kind decides who may join, who may change the members and who may post. It never changes later.</source>
        <translation>種類によって、誰が参加できるか、誰がメンバーを変更できるか、誰が投稿できるかが決まります。後から変更することはできません。</translation>
    </message>
    <message>
        <source>&amp;Bilateral</source>
        <translation>二国間(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Multilateral</source>
        <translation>多国間(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Caucus</source>
        <translation>有志グループ(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation>お知らせ(&amp;N)</translation>
    </message>
    <message>
        <source>Name and missions</source>
        <translation>名前と代表部</translation>
    </message>
    <message>
        <source>For example: Working group on incident prevention</source>
        <translation>例: 事故防止に関する作業部会</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>代表部</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Missions:</source>
        <translation>代表部(&amp;M):</translation>
    </message>
    <message>
        <source>%1 (your mission)</source>
        <translation>%1 (あなたの代表部)</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>チャンネルに名前を付けてください。</translation>
    </message>
    <message>
        <source>✓ The channel policy allows this.</source>
        <translation>✓ チャンネルのポリシーで許可されています。</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>新しいチャンネル</translation>
    </message>
    <message>
        <source>QR code of the safety number</source>
        <translation>安全番号の QR コード</translation>
    </message>
    <message>
        <source>QR code unavailable (install qrcode)</source>
        <translation>QR コードを表示できません (qrcode をインストールしてください)</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>%1 を検証</translation>
    </message>
    <message>
        <source>Compare these words with %1, in person or on a call you trust. If they match on both devices, nobody has substituted a key.</source>
        <translation>これらの単語を %1 と、直接会って、または信頼できる通話で照合してください。両方のデバイスで一致すれば、鍵をすり替えた者はいません。</translation>
    </message>
    <message>
        <source>This device: %1
Their device: %2</source>
        <translation>このデバイス: %1
相手のデバイス: %2</translation>
    </message>
    <message>
        <source>They &amp;match — mark as verified</source>
        <translation>一致しています — 検証済みにする(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>後で(&amp;N)</translation>
    </message>
    <message>
        <source>Verified ✔ — close</source>
        <translation>検証済み ✔ — 閉じる</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 時間</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 日</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 週間</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>デスクトップ通知を表示(&amp;N)</translation>
    </message>
    <message>
        <source>Start Corridor when I log &amp;in (in the tray, so hotline calls ring)</source>
        <translation>ログイン時に Corridor を起動する(トレイに常駐し、ホットラインの呼び出しを鳴らす)(&amp;I)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>A new language applies when Corridor restarts.</source>
        <translation>新しい言語は Corridor の再起動後に適用されます。</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>テーマ(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Disappearing messages in “%1”:</source>
        <translation>「%1」の消えるメッセージ(&amp;D):</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>メッセージを検索</translation>
    </message>
    <message>
        <source>Search this device&apos;s messages (whole words; “word*” for a prefix)</source>
        <translation>このデバイスのメッセージを検索 (単語単位、前方一致は「単語*」)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>検索結果</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 件の結果</numerusform>
        </translation>
    </message>
    <message>
        <source>Post a revised agenda</source>
        <translation>改訂議題を掲示</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>タイトル(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>議題(&amp;A):</translation>
    </message>
    <message>
        <source>Convene an emergency meeting</source>
        <translation>緊急会合を招集</translation>
    </message>
    <message>
        <source>e.g. Conference room B</source>
        <translation>例: 会議室 B</translation>
    </message>
    <message>
        <source>Why the meeting is needed: every mission reads this before acknowledging.</source>
        <translation>会合が必要な理由: 各代表部は受領確認の前にこれを読みます。</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>日時(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>場所(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>リンク(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>確認(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Convene now</source>
        <translation>今すぐ招集(&amp;C)</translation>
    </message>
    <message>
        <source>Give the reason: every mission reads it before acknowledging.</source>
        <translation>理由を入力してください: 各代表部は受領確認の前にこれを読みます。</translation>
    </message>
    <message>
        <source>That time is in the past.</source>
        <translation>その時刻は過ぎています。</translation>
    </message>
    <message>
        <source>Every mission in “%1” will be alarmed and asked to acknowledge.</source>
        <translation>「%1」のすべての代表部に警報が送られ、受領確認が求められます。</translation>
    </message>
    <message>
        <source>this channel</source>
        <translation>このチャンネル</translation>
    </message>
    <message>
        <source>When: %1 (%2)</source>
        <translation>日時: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>%n 分後</numerusform>
        </translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation>場所: %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>リンク: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由: %1</translation>
    </message>
    <message>
        <source>Welcome to Corridor</source>
        <translation>Corridor へようこそ</translation>
    </message>
    <message>
        <source>This device is not enrolled in a venue yet (home: %1).</source>
        <translation>このデバイスはまだどのフォーラムにも登録されていません (ホーム: %1)。</translation>
    </message>
    <message>
        <source>Open a &amp;demo venue</source>
        <translation>デモ用フォーラムを開く(&amp;D)</translation>
    </message>
    <message>
        <source>A complete venue on this computer only (127.0.0.1): several missions, channels of every kind and delegates who answer.</source>
        <translation>このコンピューターだけで動く完全なフォーラム (127.0.0.1): 複数の代表部、各種チャンネル、応答する代表団員。</translation>
    </message>
    <message>
        <source>&amp;Enrol this device…</source>
        <translation>このデバイスを登録(&amp;E)…</translation>
    </message>
    <message>
        <source>You need your accreditation letter (the venue root fingerprint) and your mission admin.</source>
        <translation>認定通知書 (フォーラムのルートのフィンガープリント) と、代表部の管理者が必要です。</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 時間</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message>
        <source>Unlock Corridor</source>
        <translation>Corridor のロック解除</translation>
    </message>
    <message>
        <source>This device&apos;s keys are in a passphrase-protected file (no OS keyring is in use). Enter its passphrase to open
%1</source>
        <translation>このデバイスの鍵はパスフレーズで保護されたファイルにあります (OS のキーリングは使用していません)。パスフレーズを入力して開きます:
%1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>ロックを解除しています…</translation>
    </message>
    <message>
        <source>1. This device&apos;s key</source>
        <translation>1. このデバイスの鍵</translation>
    </message>
    <message>
        <source>Corridor makes a signature key on this computer (it never leaves it) and a certificate request for your mission admin.</source>
        <translation>Corridor はこのコンピューター上で署名鍵 (コンピューターの外には出ません) と、代表部の管理者宛ての証明書要求を作成します。</translation>
    </message>
    <message>
        <source>as your mission admin gave it, e.g. amartin</source>
        <translation>代表部の管理者から指定されたもの (例: amartin)</translation>
    </message>
    <message>
        <source>your name as others see it, e.g. Alice Martin</source>
        <translation>他の人に表示される名前 (例: Alice Martin)</translation>
    </message>
    <message>
        <source>&amp;Delegate id:</source>
        <translation>代表団員 ID(&amp;D):</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>表示名(&amp;N):</translation>
    </message>
    <message>
        <source>This computer has no usable OS keyring: the key goes into a file protected by a passphrase you choose now (at least %1 characters). You will type it each time Corridor starts.</source>
        <translation>このコンピューターには使用できる OS のキーリングがありません。鍵は、いま決めるパスフレーズ (%1 文字以上) で保護されたファイルに保存されます。Corridor を起動するたびに入力します。</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>もう一度入力(&amp;R):</translation>
    </message>
    <message>
        <source>Fill in your delegate id and display name.</source>
        <translation>代表団員 ID と表示名を入力してください。</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>パスフレーズは %1 文字以上必要です。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>二つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <source>Making the key and the request…</source>
        <translation>鍵と要求を作成しています…</translation>
    </message>
    <message>
        <source>2. Send the request to your mission admin</source>
        <translation>2. 要求を代表部の管理者に送る</translation>
    </message>
    <message>
        <source>They sign it and send you back your device certificate and your mission&apos;s certificate; the secretariat&apos;s venue root certificate comes with them.</source>
        <translation>管理者が署名し、デバイス証明書と代表部の証明書を送り返します。事務局のフォーラムのルート証明書も一緒に届きます。</translation>
    </message>
    <message>
        <source>&amp;Save a copy of the request…</source>
        <translation>要求のコピーを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy its location</source>
        <translation>保存場所をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Send it by your ministry&apos;s usual channel. The request holds no secret. You may close Corridor now: the next time it starts, it continues with the next step. When your admin calls to confirm, read them the device key above.</source>
        <translation>省の通常の経路で送ってください。要求に秘密情報は含まれていません。ここで Corridor を閉じてもかまいません。次回の起動時に次の手順から再開します。管理者から確認の電話があったら、上のデバイス鍵を読み上げてください。</translation>
    </message>
    <message>
        <source>Your request: %1</source>
        <translation>要求: %1</translation>
    </message>
    <message>
        <source>Device key: %1</source>
        <translation>デバイス鍵: %1</translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation>要求を保存</translation>
    </message>
    <message>
        <source>Certificate request (*.pem)</source>
        <translation>証明書要求 (*.pem)</translation>
    </message>
    <message>
        <source>Your request: %1 (a copy is in %2)</source>
        <translation>要求: %1 (コピーは %2 にあります)</translation>
    </message>
    <message>
        <source>3. Import your certificates</source>
        <translation>3. 証明書を取り込む</translation>
    </message>
    <message>
        <source>Choose the files your mission admin sent. The venue root is accepted only if its fingerprint matches your accreditation letter.</source>
        <translation>代表部の管理者から送られたファイルを選んでください。フォーラムのルートは、そのフィンガープリントが認定通知書と一致する場合にのみ受け入れられます。</translation>
    </message>
    <message>
        <source>C&amp;hoose the files…</source>
        <translation>ファイルを選択(&amp;H)…</translation>
    </message>
    <message>
        <source>Your &amp;device certificate:</source>
        <translation>デバイス証明書(&amp;D):</translation>
    </message>
    <message>
        <source>Your &amp;mission&apos;s certificate:</source>
        <translation>代表部の証明書(&amp;M):</translation>
    </message>
    <message>
        <source>The venue &amp;root certificate:</source>
        <translation>フォーラムのルート証明書(&amp;R):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>参照</translation>
    </message>
    <message>
        <source>64 hex digits or 32 words, from the letter</source>
        <translation>通知書にある 16 進数 64 桁または 32 語</translation>
    </message>
    <message>
        <source>Root &amp;fingerprint:</source>
        <translation>ルートのフィンガープリント(&amp;F):</translation>
    </message>
    <message>
        <source>Re&amp;lay address:</source>
        <translation>リレーのアドレス(&amp;L):</translation>
    </message>
    <message>
        <source>The files from your mission admin</source>
        <translation>代表部の管理者からのファイル</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>証明書 (*.pem *.crt *.cer *.der);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>まだ足りないもの: %1</translation>
    </message>
    <message>
        <source>Choose a certificate</source>
        <translation>証明書を選択</translation>
    </message>
    <message>
        <source>Checking the fingerprint and the certificates…</source>
        <translation>フィンガープリントと証明書を確認しています…</translation>
    </message>
    <message>
        <source>4. Enrolled</source>
        <translation>4. 登録完了</translation>
    </message>
    <message>
        <source>The venue root is pinned and your certificate verifies.</source>
        <translation>フォーラムのルートが固定され、あなたの証明書が検証されました。</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>このデバイスを登録</translation>
    </message>
    <message>
        <source>&amp;Open the venue</source>
        <translation>フォーラムを開く(&amp;O)</translation>
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
        <translation>チャンネル</translation>
    </message>
    <message>
        <source>&amp;New channel…</source>
        <translation>新しいチャンネル(&amp;N)…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続しています…</translation>
    </message>
    <message>
        <source>Connection to the relay</source>
        <translation>リレーへの接続</translation>
    </message>
    <message>
        <source>&amp;Corridor</source>
        <translation>Corridor(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>検索(&amp;S)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>設定(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Leave channel…</source>
        <translation>チャンネルから退出(&amp;L)…</translation>
    </message>
    <message>
        <source>Transparency log: my &amp;mission…</source>
        <translation>透明性ログ: 自分の代表部(&amp;M)…</translation>
    </message>
    <message>
        <source>C&amp;risis desk…</source>
        <translation>危機対応デスク(&amp;R)…</translation>
    </message>
    <message>
        <source>My &amp;devices…</source>
        <translation>自分のデバイス(&amp;D)…</translation>
    </message>
    <message>
        <source>E&amp;xport channel history…</source>
        <translation>チャンネル履歴をエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Back up history…</source>
        <translation>履歴をバックアップ(&amp;B)…</translation>
    </message>
    <message>
        <source>Rest&amp;ore history…</source>
        <translation>履歴を復元(&amp;O)…</translation>
    </message>
    <message>
        <source>M&amp;ute this channel</source>
        <translation>このチャンネルをミュート(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;hair</source>
        <translation>議長(&amp;H)</translation>
    </message>
    <message>
        <source>Post a revised &amp;agenda…</source>
        <translation>改訂議題を掲示(&amp;A)…</translation>
    </message>
    <message>
        <source>Convene an &amp;emergency meeting…</source>
        <translation>緊急会合を招集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>チャンネル(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>メッセージ(&amp;M)</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>作成(&amp;O)</translation>
    </message>
    <message>
        <source>M&amp;embers</source>
        <translation>メンバー(&amp;E)</translation>
    </message>
    <message>
        <source>Next &amp;unread channel</source>
        <translation>次の未読チャンネル(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>キーボード ショートカット(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About Corridor</source>
        <translation>Corridor について(&amp;A)</translation>
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
        <translation>Corridor を開く(&amp;O)</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <source>Corridor keeps running in the tray, so a hotline call can ring. Quit ends it.</source>
        <translation>ホットラインの呼び出しが鳴るよう、Corridor はシステムトレイで動作を続けます。終了すると停止します。</translation>
    </message>
    <message>
        <source>Corridor — %1 unread</source>
        <translation>Corridor — 未読 %1 件</translation>
    </message>
    <message>
        <source>Classification ceiling: %1</source>
        <translation>秘密区分の上限: %1</translation>
    </message>
    <message>
        <source>The venue&apos;s classification levels, lowest first: %1</source>
        <translation>会場の秘密区分（低い順）: %1</translation>
    </message>
    <message>
        <source>Only the chair posts in this notice channel.</source>
        <translation>このお知らせチャンネルに投稿できるのは議長のみです。</translation>
    </message>
    <message>
        <source>You can no longer post in this channel.</source>
        <translation>このチャンネルにはもう投稿できません。</translation>
    </message>
    <message>
        <source>A message was not sent: %1</source>
        <translation>メッセージが送信されませんでした: %1</translation>
    </message>
    <message>
        <source>Security alarm: the relay&apos;s directory — %1</source>
        <translation>セキュリティ警報: リレーのディレクトリ — %1</translation>
    </message>
    <message>
        <source>A change to this channel was voided by its missions</source>
        <translation>このチャンネルへの変更は、その代表部によって無効にされました</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>接続済み</translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>オフライン — 再接続しています…</translation>
    </message>
    <message>
        <source>Emergency meeting</source>
        <translation>緊急会合</translation>
    </message>
    <message>
        <source>%1 convened an emergency meeting</source>
        <translation>%1 が緊急会合を招集しました</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>%1 からの新着メッセージ</translation>
    </message>
    <message>
        <source>⏱ Messages disappear after %1 (set by %2)</source>
        <translation>⏱ メッセージは %1 後に消えます (%2 が設定)</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>About Corridor</source>
        <translation>Corridor について</translation>
    </message>
    <message>
        <source>Corridor %1</source>
        <translation>Corridor %1</translation>
    </message>
    <message>
        <source>End-to-end-encrypted messaging (MLS, RFC 9420) for the delegations of a multilateral forum.
Licensed under the Apache License, Version 2.0.</source>
        <translation>多国間フォーラムの代表団のための、エンドツーエンド暗号化メッセージング (MLS、RFC 9420)。
Apache License, Version 2.0 の下で提供されています。</translation>
    </message>
    <message>
        <source>This device trusts the venue whose root certificate has the fingerprint:
%1
%2
Compare it with the one the secretariat published.</source>
        <translation>このデバイスは、ルート証明書のフィンガープリントが次のフォーラムを信頼しています:
%1
%2
事務局が公表したものと照合してください。</translation>
    </message>
    <message>
        <source>Withdraw message</source>
        <translation>メッセージを取り消す</translation>
    </message>
    <message>
        <source>Withdraw this message for everyone in the channel?</source>
        <translation>チャンネルの全員に対してこのメッセージを取り消しますか?</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>チャンネルから退出</translation>
    </message>
    <message>
        <source>Leave “%1” on this device?</source>
        <translation>このデバイスで「%1」から退出しますか?</translation>
    </message>
    <message>
        <source>The messages you have stay readable on this device. It will receive no new messages in this channel, and the other members will see this device leave. Your other devices stay in the channel.</source>
        <translation>手元のメッセージはこのデバイスで引き続き読めます。このチャンネルの新しいメッセージは受信しなくなり、他のメンバーにはこのデバイスの退出が表示されます。あなたの他のデバイスはチャンネルに残ります。</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>You left “%1” on this device.</source>
        <translation>このデバイスで「%1」から退出しました。</translation>
    </message>
    <message>
        <source>Offline: leaving “%1” goes at the next connection.</source>
        <translation>オフライン: 「%1」からの退出は次の接続時に送信されます。</translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation>メッセージを破棄</translation>
    </message>
    <message>
        <source>This message was never delivered. Delete it from this device?</source>
        <translation>このメッセージは配信されませんでした。このデバイスから削除しますか?</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation>「%1」を送信しています…</translation>
    </message>
    <message>
        <source>“%1” is queued; the conversation shows it as sent once the relay has it.</source>
        <translation>「%1」は送信待ちです。リレーが受け取ると、会話に送信済みと表示されます。</translation>
    </message>
    <message>
        <source>“%1” is too large to send. Files up to %2 can be attached.</source>
        <translation>「%1」は大きすぎて送信できません。添付できるのは %2 までのファイルです。</translation>
    </message>
    <message>
        <source>The relay&apos;s storage for your attachments is full, so “%1” was not sent. Ask the secretariat, or try again later.</source>
        <translation>リレーの添付ファイル用ストレージがいっぱいのため、「%1」は送信されませんでした。事務局に問い合わせるか、後でもう一度お試しください。</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” was not sent. Try again when you are back online.</source>
        <translation>リレーに接続できないため、「%1」は送信されませんでした。オンラインに戻ってから再度お試しください。</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>「%1」を読み込めません: %2</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>「%1」は送信されませんでした: %2</translation>
    </message>
    <message>
        <source>Attachment not sent</source>
        <translation>添付ファイルは送信されませんでした</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>添付ファイルを保存</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>「%1」をダウンロードしています…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <source>“%1” was NOT saved: the file the relay returned does not match what the sender sent (it was altered or damaged on the way). Nothing was written. Ask the sender to send it again.</source>
        <translation>「%1」は保存されていません: リレーから返されたファイルが送信者の送ったものと一致しません (途中で改ざんまたは破損しました)。何も書き込まれていません。送信者に再送を依頼してください。</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” could not be downloaded.</source>
        <translation>リレーに接続できないため、「%1」をダウンロードできませんでした。</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>「%1」を保存できませんでした: %2</translation>
    </message>
    <message>
        <source>Attachment not saved</source>
        <translation>添付ファイルは保存されませんでした</translation>
    </message>
    <message>
        <source>Creating “%1”…</source>
        <translation>「%1」を作成しています…</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>履歴をバックアップ</translation>
    </message>
    <message numerus="yes">
        <source>Backed up the history of %n channel(s) to %1.</source>
        <translation>
            <numerusform>%n 個のチャンネルの履歴を %1 にバックアップしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>履歴を復元</translation>
    </message>
    <message numerus="yes">
        <source>Restored the history of %n channel(s) into %1.</source>
        <translation>
            <numerusform>%n 個のチャンネルの履歴を %1 に復元しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Muted: only emergency meetings, acknowledgement requests and hotline calls notify from this channel.</source>
        <translation>ミュート中: このチャンネルからは緊急会合、確認の依頼、ホットラインの呼び出しのみ通知します。</translation>
    </message>
    <message>
        <source>Notifications on for this channel.</source>
        <translation>このチャンネルの通知をオンにしました。</translation>
    </message>
    <message>
        <source>Export channel history</source>
        <translation>チャンネル履歴をエクスポート</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Web ページ (*.html)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1, signed by this device.</source>
        <translation>
            <numerusform>%n 件のメッセージを %1 にエクスポートし、このデバイスで署名しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 時間</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Marking</name>
    <message>
        <source>Classification marking: only the levels the channel&apos;s ceiling allows are offered</source>
        <translation>秘密区分: チャンネルの上限が許す区分だけが表示されます</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>区分表示(&amp;M):</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>this device</source>
        <translation>このデバイス</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ 検証済み</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>未検証</translation>
    </message>
    <message>
        <source>Device key %1</source>
        <translation>デバイス鍵 %1</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>%1 · observer</source>
        <translation>%1 · オブザーバー</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>read by %1</source>
        <translation>既読: %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>受領確認: %1</translation>
    </message>
    <message>
        <source>awaiting acknowledgement</source>
        <translation>受領確認待ち</translation>
    </message>
    <message>
        <source>disappears %1</source>
        <translation>%1 に消去</translation>
    </message>
    <message>
        <source>File: %1 · %2 · %3 — Save… (Ctrl+S)</source>
        <translation>ファイル: %1 · %2 · %3 — 保存… (Ctrl+S)</translation>
    </message>
    <message>
        <source>EMERGENCY MEETING</source>
        <translation>緊急会合</translation>
    </message>
    <message>
        <source>Agenda notice (revision %1)</source>
        <translation>議題のお知らせ (改訂 %1)</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>会合: %1</translation>
    </message>
    <message>
        <source>Disappearing messages: %1</source>
        <translation>消えるメッセージ: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>以前のメッセージ</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>&amp;Notices and aid…</source>
        <translation>通報と支援(&amp;N)…</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>通報済み</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>変更済み</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>中止</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n exercise(s)</source>
        <translation>
            <numerusform>%1: 演習 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>要請中</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>申出あり</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>受諾済み</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>引渡し済み</translation>
    </message>
    <message>
        <source>Exercise notice</source>
        <translation>演習の事前通報</translation>
    </message>
    <message>
        <source>%1 (ceiling %2)</source>
        <translation>%1 (上限 %2)</translation>
    </message>
    <message>
        <source>troops=3000, tanks=40</source>
        <translation>兵員=3000, 戦車=40</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>チャンネル</translation>
    </message>
    <message>
        <source>No channel to send to</source>
        <translation>送信先のチャンネルがありません</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>「%1」は数値ではありません</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>経度</translation>
    </message>
    <message>
        <source>Forces</source>
        <translation>兵力</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活動</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>区分表示</translation>
    </message>
    <message>
        <source>Request aid</source>
        <translation>支援を要請</translation>
    </message>
    <message>
        <source>water=20000:litres, tents=300</source>
        <translation>水=20000:リットル, テント=300</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>至急</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>緊急</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>通常</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>必要物資</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>緊急度</translation>
    </message>
    <message>
        <source>Incident notification</source>
        <translation>インシデント通報</translation>
    </message>
    <message>
        <source>-90 to 90</source>
        <translation>-90〜90</translation>
    </message>
    <message>
        <source>-180 to 180</source>
        <translation>-180〜180</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 から %2: %3</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Units involved</source>
        <translation>関係部隊</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>発生した事象</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>説明要求</translation>
    </message>
    <message>
        <source>Amend the annual exchange</source>
        <translation>年次情報交換を修正</translation>
    </message>
    <message>
        <source>Submit the annual exchange</source>
        <translation>年次情報交換を提出</translation>
    </message>
    <message>
        <source>what the amendment changes</source>
        <translation>修正で変わる点</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Amendment note</source>
        <translation>修正メモ</translation>
    </message>
    <message>
        <source>Say what the amendment changes</source>
        <translation>修正で何が変わるかを記入してください</translation>
    </message>
    <message>
        <source>Due date of the annual exchange</source>
        <translation>年次情報交換の期限</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>The due date must be in the future</source>
        <translation>期限は将来の日時にしてください</translation>
    </message>
    <message>
        <source>Publish a template</source>
        <translation>テンプレートを公開</translation>
    </message>
    <message>
        <source>ship-incident</source>
        <translation>ship-incident</translation>
    </message>
    <message>
        <source>time, position, ship, intent</source>
        <translation>時刻, 位置, 艦船, 意図</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Fill in a template</source>
        <translation>テンプレートに記入</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>No template has been published</source>
        <translation>公開されたテンプレートはありません</translation>
    </message>
    <message>
        <source>Fill in %1</source>
        <translation>%1 を記入してください</translation>
    </message>
    <message>
        <source>Notices and aid</source>
        <translation>通報と支援</translation>
    </message>
    <message>
        <source>&amp;New exercise notice…</source>
        <translation>新しい演習通報(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Cancel notice</source>
        <translation>通報を中止(&amp;C)</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>代表部</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>演習</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Exercise register</source>
        <translation>演習登録簿</translation>
    </message>
    <message>
        <source>&amp;Request aid…</source>
        <translation>支援を要請(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation>申し出る(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Accept offer</source>
        <translation>申出を受諾(&amp;A)</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>引渡し済みにする(&amp;D)</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>要請</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>必要</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unmet</source>
        <translation>未充足</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>申出</translation>
    </message>
    <message>
        <source>Disaster aid</source>
        <translation>災害支援</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <source>Report &amp;incident…</source>
        <translation>インシデントを通報(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Link to request</source>
        <translation>要求に関連付け(&amp;L)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>部隊</translation>
    </message>
    <message>
        <source>Requests for explanation and their incidents</source>
        <translation>説明要求と関連インシデント</translation>
    </message>
    <message>
        <source>Asked of</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>インシデント</translation>
    </message>
    <message>
        <source>&amp;Fill in template…</source>
        <translation>テンプレートに記入(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Publish template…</source>
        <translation>テンプレートを公開(&amp;P)…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>By</source>
        <translation>送信者</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>提出(&amp;S)…</translation>
    </message>
    <message>
        <source>Set &amp;due date…</source>
        <translation>期限を設定(&amp;D)…</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提出日</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>遅延</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>Annual exchange</source>
        <translation>年次情報交換</translation>
    </message>
    <message>
        <source>&amp;Amend submission…</source>
        <translation>提出内容を修正(&amp;A)…</translation>
    </message>
    <message>
        <source>%1 (not held here)</source>
        <translation>%1 (この端末にはありません)</translation>
    </message>
    <message>
        <source>Export the exercise register</source>
        <translation>演習登録簿をエクスポート</translation>
    </message>
    <message>
        <source>PDF for printing (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</source>
        <translation>印刷用 PDF (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Corridor venue</source>
        <translation>Corridor 会議</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>すべての代表部</translation>
    </message>
    <message>
        <source>%1 (revision %2)</source>
        <translation>%1 (改訂 %2)</translation>
    </message>
    <message>
        <source>Unmet needs: %1</source>
        <translation>未充足の必要物資: %1</translation>
    </message>
    <message>
        <source>No unmet needs</source>
        <translation>未充足の必要物資はありません</translation>
    </message>
    <message>
        <source>Annual exchange %1, due %2</source>
        <translation>年次情報交換 %1、期限 %2</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>未提出</translation>
    </message>
    <message>
        <source>late</source>
        <translation>遅延</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>No agenda has been posted yet.</source>
        <translation>議題はまだ掲示されていません。</translation>
    </message>
    <message>
        <source>Post a revised a&amp;genda…</source>
        <translation>改訂議題を掲示(&amp;G)…</translation>
    </message>
    <message>
        <source>Pinned agenda:</source>
        <translation>固定された議題:</translation>
    </message>
    <message>
        <source>Pinned agenda</source>
        <translation>固定された議題</translation>
    </message>
    <message>
        <source>Revision %1 · posted by %2 · %3</source>
        <translation>改訂 %1 · 掲示者 %2 · %3</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>受領を確認(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>隠す(&amp;H)</translation>
    </message>
    <message>
        <source>Acknowledgement tracker</source>
        <translation>受領確認の状況</translation>
    </message>
    <message>
        <source>EMERGENCY — meeting convened by %1</source>
        <translation>緊急 — %1 が会合を招集</translation>
    </message>
    <message>
        <source>%1 of %2 missions have not yet acknowledged: %3</source>
        <translation>%2 代表部のうち %1 代表部がまだ受領を確認していません: %3</translation>
    </message>
    <message>
        <source>Every mission has acknowledged.</source>
        <translation>すべての代表部が受領を確認しました。</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>表示(&amp;O)</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>受領を確認(&amp;K)</translation>
    </message>
    <message>
        <source>Hotline: %1 awaits your mission&apos;s acknowledgement: “%2”</source>
        <translation>ホットライン: %1 があなたの代表部の受領確認を待っています: 「%2」</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>(他 %1 件)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>Members by mission</source>
        <translation>代表部別のメンバー</translation>
    </message>
    <message>
        <source>&amp;Verify device…</source>
        <translation>デバイスを検証(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボード ショートカット</translation>
    </message>
    <message>
        <source>Everything in the app can be done from the keyboard: Tab moves between controls, the arrow keys within lists.</source>
        <translation>このアプリのすべての操作はキーボードで行えます。Tab で項目間を移動し、矢印キーでリスト内を移動します。</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <source>✓ %1 — acknowledged by %2</source>
        <translation>✓ %1 — %2 が受領を確認</translation>
    </message>
    <message>
        <source>✗ %1 — read, not yet acknowledged</source>
        <translation>✗ %1 — 既読、受領は未確認</translation>
    </message>
    <message>
        <source>✗ %1 — not yet answered</source>
        <translation>✗ %1 — まだ応答がありません</translation>
    </message>
</context>
<context>
    <name>Transparency</name>
    <message>
        <source>Alarm: %1</source>
        <translation>警報: %1</translation>
    </message>
    <message>
        <source>signed tree head: size %1, root %2</source>
        <translation>署名付きツリーヘッド: サイズ %1、ルート %2</translation>
    </message>
    <message>
        <source>record (DER, %1 bytes): %2…</source>
        <translation>レコード (DER、%1 バイト): %2…</translation>
    </message>
    <message>
        <source>Directory: checking…</source>
        <translation>ディレクトリ: 確認中…</translation>
    </message>
    <message>
        <source>✔ Directory verified</source>
        <translation>✔ ディレクトリ検証済み</translation>
    </message>
    <message>
        <source>⚠ Directory not verified</source>
        <translation>⚠ ディレクトリ未検証</translation>
    </message>
    <message>
        <source>Directory verification</source>
        <translation>ディレクトリの検証</translation>
    </message>
    <message>
        <source>Every member&apos;s certificate is in the venue&apos;s transparency log, and every tree head seen agrees.</source>
        <translation>すべてのメンバーの証明書がフォーラムの透明性ログにあり、確認したすべてのツリーヘッドが一致しています。</translation>
    </message>
    <message>
        <source>The relay&apos;s directory could not be verified for this conversation. Keep the evidence below and tell your security officer.</source>
        <translation>この会話について、リレーのディレクトリを検証できませんでした。以下の証拠を保存し、セキュリティ担当者に知らせてください。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>サブジェクト</translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>警報</translation>
    </message>
    <message>
        <source>Transparency log: my mission</source>
        <translation>透明性ログ: 自分の代表部</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>ログを読み込んでいます…</translation>
    </message>
    <message>
        <source>Issued certificates folder…</source>
        <translation>発行済み証明書のフォルダー…</translation>
    </message>
    <message>
        <source>The mission&apos;s issued/ folder</source>
        <translation>代表部の issued/ フォルダー</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</source>
        <translation>
            <numerusform>ログに %n 件の警報があります (エントリ数: %1): この代表部が発行していない証明書です。失効させ、代表部の鍵を誰が持っているか確認してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate the mission did not issue (log entries: %1, checked against its signed head).</source>
        <translation>代表部が発行していない証明書はありません (ログのエントリ数: %1、署名付きヘッドと照合済み)。</translation>
    </message>
    <message>
        <source>The log could not be checked: %1</source>
        <translation>ログを確認できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>Venues</name>
    <message>
        <source>%1: %2 unread</source>
        <translation>%1: 未読 %2 件</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>Add a venue — choose its home directory</source>
        <translation>フォーラムを追加 — そのホームフォルダーを選択</translation>
    </message>
    <message>
        <source>Open venue</source>
        <translation>フォーラムを開く</translation>
    </message>
    <message>
        <source>&amp;Open Corridor</source>
        <translation>Corridor を開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>フォーラム</translation>
    </message>
    <message>
        <source>Venues: switch, open a known one, or add one</source>
        <translation>フォーラム: 切り替え、既知のものを開く、または追加</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Close this venue</source>
        <translation>このフォーラムを閉じる</translation>
    </message>
    <message>
        <source>Close this venue (its connection ends; the others keep running)</source>
        <translation>このフォーラムを閉じる (接続は終了し、他のフォーラムは動作を続けます)</translation>
    </message>
    <message>
        <source>%1 (not open)</source>
        <translation>%1 (未オープン)</translation>
    </message>
    <message>
        <source>Add a venue…</source>
        <translation>フォーラムを追加…</translation>
    </message>
</context>
</TS>
