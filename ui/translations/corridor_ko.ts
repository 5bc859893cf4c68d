<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>an unexpected error (%1)</source>
        <translation>예기치 않은 오류(%1)</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>this installation offers no demo venue</source>
        <translation>이 설치본에는 데모 포럼이 없습니다</translation>
    </message>
    <message>
        <source>Preparing the demo venue (an embedded relay on 127.0.0.1, several missions, channels of every kind)…</source>
        <translation>데모 포럼을 준비하는 중(127.0.0.1의 내장 릴레이, 여러 대표부, 모든 종류의 채널)…</translation>
    </message>
    <message>
        <source>(demo venue)</source>
        <translation>(데모 포럼)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this device&apos;s key file. Try again.</source>
        <translation>암호 문구가 틀렸습니다. 이 기기의 키 파일을 열 수 없습니다. 다시 시도하십시오.</translation>
    </message>
    <message>
        <source>You are %1 (%2) of %3.</source>
        <translation>%3 대표부의 %1(%2)님입니다.</translation>
    </message>
    <message>
        <source>Your certificate is valid until %1.</source>
        <translation>인증서 유효 기간: %1까지</translation>
    </message>
    <message>
        <source>Venue root (pinned): %1</source>
        <translation>포럼 루트(고정됨): %1</translation>
    </message>
    <message>
        <source>Could not open Corridor: %1</source>
        <translation>Corridor를 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not open the venue in %1: %2</source>
        <translation>%1의 포럼을 열 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>Attach</name>
    <message>
        <source>Send a file</source>
        <translation>파일 보내기</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>%1 미리 보기</translation>
    </message>
    <message>
        <source>Send “%1” (%2) to “%3”? Everyone in the channel can download it; it cannot be recalled from their devices.</source>
        <translation>&quot;%1&quot;(%2)을(를) &quot;%3&quot;에 보내시겠습니까? 채널의 모든 사람이 내려받을 수 있으며 그들의 기기에서 회수할 수 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Caption (optional):</source>
        <translation>설명 (선택)(&amp;C):</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>A backup holds the history of every channel, not this device&apos;s key nor its encryption state: a restored device is a new device. Its history from before is restored as readable, verified pages in its archive folder; once your mission&apos;s devices have added it, it reads new messages in every channel.</source>
        <translation>백업에는 모든 채널의 기록이 담기지만 이 기기의 키나 암호화 상태는 담기지 않습니다. 복원한 기기는 새 기기입니다. 이전 기록은 검증된 읽을 수 있는 페이지로 보관 폴더에 복원되며, 미션의 기기가 이 기기를 추가하면 모든 채널의 새 메시지를 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>기록 백업</translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>기록 복원</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>백업 암호 문구</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>암호 문구(&amp;P):</translation>
    </message>
    <message>
        <source>Backup passphrase, again</source>
        <translation>백업 암호 문구 확인</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>확인(&amp;A):</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>암호 문구를 입력하세요.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>두 암호 문구가 다릅니다.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>회의</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>의제</translation>
    </message>
    <message>
        <source>&amp;Open the venue&apos;s calendar…</source>
        <translation>회의장 일정표 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation>캘린더로 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Could not read the calendar: %1</source>
        <translation>일정표를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>No calendar yet: open the file of regular meetings your venue hands out.</source>
        <translation>아직 일정표가 없습니다. 회의장이 배포하는 정례 회의 파일을 여십시오.</translation>
    </message>
    <message>
        <source>Times in UTC. The export keeps each meeting&apos;s recurrence and agenda.</source>
        <translation>시간은 UTC입니다. 내보내기에는 각 회의의 반복 규칙과 의제가 포함됩니다.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Calendar written to %1</source>
        <translation>일정표를 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>Open the venue&apos;s calendar</source>
        <translation>회의장 일정표 열기</translation>
    </message>
    <message>
        <source>Calendar (*.json)</source>
        <translation>일정표 (*.json)</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>캘린더로 내보내기</translation>
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
        <translation>공지</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>양자</translation>
    </message>
    <message>
        <source>Multilateral</source>
        <translation>다자</translation>
    </message>
    <message>
        <source>Caucus</source>
        <translation>코커스</translation>
    </message>
    <message>
        <source>Missions: %1</source>
        <translation>대표부: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation>%1, 읽지 않음 %2개</translation>
    </message>
    <message>
        <source>routing warning</source>
        <translation>라우팅 경고</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation>최신 메시지로 이동</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>답장(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>철회(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>수신 확인(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save attachment…</source>
        <translation>첨부 파일 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Jump to the &amp;newest messages</source>
        <translation>최신 메시지로 이동(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>텍스트 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>다시 보내기(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Discard unsent message</source>
        <translation>보내지 않은 메시지 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation>%1(으)로 반응</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>새 메시지 %n개 ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>반응(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Write a message — Enter sends, Shift+Enter for a new line</source>
        <translation>메시지 입력 — Enter는 보내기, Shift+Enter는 줄 바꿈</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>첨부(&amp;T)…</translation>
    </message>
    <message>
        <source>Needs ac&amp;knowledgement</source>
        <translation>수신 확인 요청(&amp;K)</translation>
    </message>
    <message>
        <source>Hotline: the other missions are asked to acknowledge</source>
        <translation>핫라인: 다른 대표부에 수신 확인을 요청합니다</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>등급 표시</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>등급 표시(&amp;M):</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>%1님에게 답장: %2</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>메시지 편집 중</translation>
    </message>
</context>
<context>
    <name>Crisis</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 전</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>플래시</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>긴급</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>확인함</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>수신 확인됨</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>응답함</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>당번</translation>
    </message>
    <message>
        <source>deputy</source>
        <translation>대리</translation>
    </message>
    <message>
        <source>head of mission</source>
        <translation>대표부장</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>회신함</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>기한 초과</translation>
    </message>
    <message>
        <source>meeting requested</source>
        <translation>회의 요청됨</translation>
    </message>
    <message>
        <source>meeting called</source>
        <translation>회의 소집됨</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>대면</translation>
    </message>
    <message>
        <source>remotely</source>
        <translation>원격</translation>
    </message>
    <message>
        <source>represented</source>
        <translation>대리 참석</translation>
    </message>
    <message>
        <source>cannot attend</source>
        <translation>불참</translation>
    </message>
    <message>
        <source>unanswered %1</source>
        <translation>%1 동안 응답 없음</translation>
    </message>
    <message>
        <source>unanswered %1 — escalated to %2</source>
        <translation>%1 동안 응답 없음 — %2에게 상향 보고</translation>
    </message>
    <message>
        <source>Hotline call</source>
        <translation>핫라인 호출</translation>
    </message>
    <message>
        <source>%1 (mission %2)</source>
        <translation>%1(대표부 %2)</translation>
    </message>
    <message>
        <source>Flash: reply within 10 minutes</source>
        <translation>긴급(플래시): 10분 이내 회신</translation>
    </message>
    <message>
        <source>Urgent: reply within 1 hour</source>
        <translation>긴급: 1시간 이내 회신</translation>
    </message>
    <message>
        <source>Routine: reply within 24 hours</source>
        <translation>일반: 24시간 이내 회신</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>채널(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>우선순위(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>제목(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>세부 내용(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>등급 표시(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Call now</source>
        <translation>지금 호출(&amp;C)</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>해명 요청</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>채널(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;To mission:</source>
        <translation>대상 대표부(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>내용(&amp;W):</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>장소(&amp;H):</translation>
    </message>
    <message>
        <source>Wh&amp;en:</source>
        <translation>일시(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>참조 번호(&amp;R):</translation>
    </message>
    <message>
        <source>The mission must reply within 48 hours.</source>
        <translation>해당 대표부는 48시간 이내에 회신해야 합니다.</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>요청 보내기(&amp;S)</translation>
    </message>
    <message>
        <source>Crisis desk</source>
        <translation>위기 대응 데스크</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>수신 확인(&amp;A)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>발신 → 수신</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>등급 표시</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>상향 보고</translation>
    </message>
    <message>
        <source>&amp;Call…</source>
        <translation>호출(&amp;C)…</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>수신 확인(&amp;K)</translation>
    </message>
    <message>
        <source>A&amp;nswer…</source>
        <translation>응답(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Hotline</source>
        <translation>핫라인(&amp;H)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>사건</translation>
    </message>
    <message>
        <source>&amp;Request…</source>
        <translation>요청(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;ply…</source>
        <translation>회신(&amp;P)…</translation>
    </message>
    <message>
        <source>Ask the chair for a &amp;meeting</source>
        <translation>의장에게 회의 요청(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Explanations</source>
        <translation>해명(&amp;E)</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>회의</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>소집자</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>참석</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>미응답</translation>
    </message>
    <message>
        <source>Attending in person</source>
        <translation>대면 참석</translation>
    </message>
    <message>
        <source>Attending remotely</source>
        <translation>원격 참석</translation>
    </message>
    <message>
        <source>Represented by…</source>
        <translation>대리 참석…</translation>
    </message>
    <message>
        <source>Cannot attend</source>
        <translation>참석 불가</translation>
    </message>
    <message>
        <source>who represents your mission</source>
        <translation>대표부를 대리하는 사람</translation>
    </message>
    <message>
        <source>&amp;Answer for my mission</source>
        <translation>내 대표부로 응답(&amp;A)</translation>
    </message>
    <message>
        <source>Proposed in bilateral channels (nobody convenes there):</source>
        <translation>양자 채널에서 제안됨(그곳에서는 아무도 소집하지 않음):</translation>
    </message>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>제안자</translation>
    </message>
    <message>
        <source>Place and agenda</source>
        <translation>장소와 의제</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Acce&amp;pt</source>
        <translation>수락(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>거절(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>회의(&amp;M)</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>일정표(&amp;L)</translation>
    </message>
    <message>
        <source>Ring even when Corridor was not opened: &amp;start it when I log in</source>
        <translation>Corridor를 열지 않았어도 울리기: 로그인할 때 시작(&amp;S)</translation>
    </message>
    <message>
        <source>%1 HOTLINE CALL from %2: %3 — %4</source>
        <translation>%1 핫라인 호출(%2): %3 — %4</translation>
    </message>
    <message>
        <source>On duty: %1 · deputy %2 · head of mission %3</source>
        <translation>당번: %1 · 대리 %2 · 대표부장 %3</translation>
    </message>
    <message>
        <source>No duty roster: every delegate of your mission is called</source>
        <translation>당번표 없음: 대표부의 모든 대표를 호출합니다</translation>
    </message>
    <message>
        <source>Mission %1: someone on duty</source>
        <translation>대표부 %1: 당직자 있음</translation>
    </message>
    <message>
        <source>Mission %1: nobody on duty</source>
        <translation>대표부 %1: 당직자 없음</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation> (지연)</translation>
    </message>
    <message>
        <source>%1 accepts</source>
        <translation>%1 수락</translation>
    </message>
    <message>
        <source>%1 declines</source>
        <translation>%1 거절</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>아직 답변 없음</translation>
    </message>
    <message>
        <source>%1 is available to talk until %2</source>
        <translation>%1 님은 %2까지 대화할 수 있습니다</translation>
    </message>
    <message>
        <source>Sent %1 · reply by %2</source>
        <translation>보냄 %1 · 회신 기한 %2</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>called %1 at %2%3</source>
        <translation>%2에 %1단계 호출%3</translation>
    </message>
    <message>
        <source>Answer the call</source>
        <translation>호출에 응답</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>응답:</translation>
    </message>
    <message>
        <source>Reply to the request</source>
        <translation>요청에 회신</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>해명:</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>%1 (venue: %2)</source>
        <translation>%1 (회의장: %2)</translation>
    </message>
    <message>
        <source>under silence; broken so far by %1</source>
        <translation>묵시 절차 중; 지금까지 이의 제기: %1</translation>
    </message>
    <message>
        <source>under silence</source>
        <translation>묵시 절차 중</translation>
    </message>
    <message>
        <source>broken by %1</source>
        <translation>%1 이(가) 이의 제기</translation>
    </message>
    <message>
        <source>disputed: break sent at %1, not confirmed</source>
        <translation>분쟁 중: %1에 보낸 이의가 확인되지 않음</translation>
    </message>
    <message>
        <source>pending: a later revision was not received</source>
        <translation>보류 중: 이후 개정본을 받지 못함</translation>
    </message>
    <message>
        <source>pending: awaiting closing statements from %1</source>
        <translation>보류 중: %1의 종결 확인 대기</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>채택됨</translation>
    </message>
    <message>
        <source>agreed by %1 of %2 missions at version %3</source>
        <translation>%2개 대표부 중 %1개가 버전 %3에 동의</translation>
    </message>
    <message>
        <source>Editors take the lock first</source>
        <translation>편집자는 먼저 잠금을 가져감</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>채널(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>본문(&amp;X):</translation>
    </message>
    <message>
        <source>&amp;Silence period (hours):</source>
        <translation>묵시 기간(시간)(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>등급 표시(&amp;M):</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>결정</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>개정</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>등급 표시</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>&amp;Put under silence…</source>
        <translation>묵시 절차 개시(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Break silence…</source>
        <translation>이의 제기(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw my break</source>
        <translation>내 이의 철회(&amp;W)</translation>
    </message>
    <message>
        <source>Re&amp;vise…</source>
        <translation>개정(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Silence procedure</source>
        <translation>묵시 절차(&amp;S)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>합의</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>잠금</translation>
    </message>
    <message>
        <source>&amp;New document…</source>
        <translation>새 문서(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>편집(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>의견(&amp;C)…</translation>
    </message>
    <message>
        <source>Si&amp;gn off</source>
        <translation>승인(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Diff…</source>
        <translation>차이(&amp;D)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Drafting</source>
        <translation>공동 작성(&amp;D)</translation>
    </message>
    <message>
        <source>You take part as an observer: you cannot break silence or sign off.</source>
        <translation>옵서버로 참여 중: 이의 제기나 승인을 할 수 없습니다.</translation>
    </message>
    <message>
        <source>Your break (%1) is not confirmed: %2 have not acknowledged it. Raise it by other means.</source>
        <translation>귀하의 이의(%1)가 확인되지 않았습니다: %2이(가) 수신을 확인하지 않았습니다. 다른 방법으로 알리십시오.</translation>
    </message>
    <message>
        <source>Revision %1 put by %2 · text SHA-256 %3</source>
        <translation>개정 %1 (제출: %2) · 본문 SHA-256 %3</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>철회됨</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>확인되지 않음</translation>
    </message>
    <message>
        <source>%1 broke silence at %2: %3 (%4)</source>
        <translation>%1이(가) %2에 이의 제기: %3 (%4)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>결과: %1</translation>
    </message>
    <message>
        <source>Version %1 by %2 at %3</source>
        <translation>버전 %1 (%2, %3)</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>옵서버</translation>
    </message>
    <message>
        <source>Signed off: %1</source>
        <translation>승인: %1</translation>
    </message>
    <message>
        <source>Put a text under silence</source>
        <translation>문서를 묵시 절차에 부치기</translation>
    </message>
    <message>
        <source>Break silence</source>
        <translation>이의 제기</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>사유:</translation>
    </message>
    <message>
        <source>Revise the text (the clock restarts)</source>
        <translation>문서 개정(기한 다시 시작)</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>새 문서</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>새 버전</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>Paragraph:</source>
        <translation>단락:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>의견:</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>차이</translation>
    </message>
    <message>
        <source>From version:</source>
        <translation>기준 버전:</translation>
    </message>
    <message>
        <source>Export the agreed text</source>
        <translation>합의된 문서 내보내기</translation>
    </message>
    <message>
        <source>D&amp;ecisions…</source>
        <translation>결정(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>Device</source>
        <translation>기기</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>My devices</source>
        <translation>내 기기</translation>
    </message>
    <message>
        <source>Reading the venue directory…</source>
        <translation>포럼 디렉터리를 읽는 중…</translation>
    </message>
    <message>
        <source>&amp;Remove device…</source>
        <translation>기기 제거(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the selected device</source>
        <translation>선택한 기기 제거</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>이 기기</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>제거됨</translation>
    </message>
    <message>
        <source>active</source>
        <translation>활성</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) of yours in the venue. Remove one you lost: it can no longer connect, and it is removed from every channel.</source>
        <translation>
            <numerusform>포럼에 있는 내 기기: %n대. 분실한 기기를 제거하면 더 이상 연결할 수 없고 모든 채널에서 제거됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The devices could not be read: %1</source>
        <translation>기기를 읽을 수 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1: it can no longer connect, and it is being removed from %n channel(s).</source>
        <translation>
            <numerusform>%1 제거됨: 더 이상 연결할 수 없으며 %n개 채널에서 제거하는 중입니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will no longer connect to the venue and is removed from its %n channel(s): it cannot read any new message. This cannot be undone. If it may be in other hands, also ask your mission to revoke its certificate.</source>
        <translation>
            <numerusform>이 기기는 더 이상 포럼에 연결할 수 없으며 %n개 채널에서 제거됩니다. 새 메시지를 읽을 수 없습니다. 이 작업은 되돌릴 수 없습니다. 다른 사람의 손에 있을 수 있다면 대표부에 인증서 폐기도 요청하십시오.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>기기 제거</translation>
    </message>
    <message>
        <source>Remove your device %1 (%2)?</source>
        <translation>내 기기 %1 (%2)을(를) 제거하시겠습니까?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>제거하는 중…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Exactly two missions: yours and one other. Nobody can change the pair.</source>
        <translation>정확히 두 대표부: 내 대표부와 다른 한 곳. 이 조합은 누구도 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>Several missions (a working group). You convene it and may change it.</source>
        <translation>여러 대표부(실무 그룹). 직접 소집하며 변경할 수 있습니다.</translation>
    </message>
    <message>
        <source>A private group of allied missions, invisible to everyone else.</source>
        <translation>우방 대표부들의 비공개 그룹으로, 다른 모든 대표부에는 보이지 않습니다.</translation>
    </message>
    <message>
        <source>Every mission of the venue; only the chair posts. Chair only.</source>
        <translation>포럼의 모든 대표부. 의장만 게시합니다. 의장 전용.</translation>
    </message>
    <message>
        <source>What kind of channel?</source>
        <translation>어떤 종류의 채널입니까?</translation>
    </message>
    <message>
        <source>The kind decides who may join, who may change the members and who may post. It never changes later.</source>
        <translation>종류에 따라 누가 참여할 수 있는지, 누가 구성원을 바꿀 수 있는지, 누가 게시할 수 있는지가 정해집니다. 나중에 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Bilateral</source>
        <translation>양자(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Multilateral</source>
        <translation>다자(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Caucus</source>
        <translation>코커스(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation>공지(&amp;N)</translation>
    </message>
    <message>
        <source>Name and missions</source>
        <translation>이름과 대표부</translation>
    </message>
    <message>
        <source>For example: Working group on incident prevention</source>
        <translation>예: 사고 방지 실무 그룹</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>대표부</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Missions:</source>
        <translation>대표부(&amp;M):</translation>
    </message>
    <message>
        <source>%1 (your mission)</source>
        <translation>%1(내 대표부)</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>채널 이름을 입력하십시오.</translation>
    </message>
    <message>
        <source>✓ The channel policy allows this.</source>
        <translation>✓ 채널 정책에서 허용합니다.</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>새 채널</translation>
    </message>
    <message>
        <source>QR code of the safety number</source>
        <translation>안전 번호 QR 코드</translation>
    </message>
    <message>
        <source>QR code unavailable (install qrcode)</source>
        <translation>QR 코드를 사용할 수 없음(qrcode 설치 필요)</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>%1 확인</translation>
    </message>
    <message>
        <source>Compare these words with %1, in person or on a call you trust. If they match on both devices, nobody has substituted a key.</source>
        <translation>이 단어들을 %1님과 직접 만나거나 신뢰할 수 있는 통화로 비교하십시오. 두 기기에서 일치하면 아무도 키를 바꿔치기하지 않은 것입니다.</translation>
    </message>
    <message>
        <source>This device: %1
Their device: %2</source>
        <translation>이 기기: %1
상대 기기: %2</translation>
    </message>
    <message>
        <source>They &amp;match — mark as verified</source>
        <translation>일치함 — 확인됨으로 표시(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>나중에(&amp;N)</translation>
    </message>
    <message>
        <source>Verified ✔ — close</source>
        <translation>확인됨 ✔ — 닫기</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>끄기</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1시간</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1일</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1주</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>데스크톱 알림 표시(&amp;N)</translation>
    </message>
    <message>
        <source>Start Corridor when I log &amp;in (in the tray, so hotline calls ring)</source>
        <translation>로그인할 때 Corridor 시작(트레이에 상주하여 핫라인 호출이 울리도록)(&amp;I)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>A new language applies when Corridor restarts.</source>
        <translation>새 언어는 Corridor를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>테마(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Disappearing messages in “%1”:</source>
        <translation>“%1”의 사라지는 메시지(&amp;D):</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>메시지 검색</translation>
    </message>
    <message>
        <source>Search this device&apos;s messages (whole words; “word*” for a prefix)</source>
        <translation>이 기기의 메시지 검색(단어 단위, 접두어는 “단어*”)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>결과 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Post a revised agenda</source>
        <translation>수정된 의제 게시</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>의제(&amp;A):</translation>
    </message>
    <message>
        <source>Convene an emergency meeting</source>
        <translation>긴급 회의 소집</translation>
    </message>
    <message>
        <source>e.g. Conference room B</source>
        <translation>예: 회의실 B</translation>
    </message>
    <message>
        <source>Why the meeting is needed: every mission reads this before acknowledging.</source>
        <translation>회의가 필요한 이유: 각 대표부가 수신 확인 전에 읽습니다.</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>일시(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>장소(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>링크(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>사유(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>검토(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>뒤로(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Convene now</source>
        <translation>지금 소집(&amp;C)</translation>
    </message>
    <message>
        <source>Give the reason: every mission reads it before acknowledging.</source>
        <translation>사유를 입력하십시오. 각 대표부가 수신 확인 전에 읽습니다.</translation>
    </message>
    <message>
        <source>That time is in the past.</source>
        <translation>이미 지난 시간입니다.</translation>
    </message>
    <message>
        <source>Every mission in “%1” will be alarmed and asked to acknowledge.</source>
        <translation>“%1”의 모든 대표부에 경보가 울리고 수신 확인이 요청됩니다.</translation>
    </message>
    <message>
        <source>this channel</source>
        <translation>이 채널</translation>
    </message>
    <message>
        <source>When: %1 (%2)</source>
        <translation>일시: %1(%2)</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>%n분 후</numerusform>
        </translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation>장소: %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>링크: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>사유: %1</translation>
    </message>
    <message>
        <source>Welcome to Corridor</source>
        <translation>Corridor에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>This device is not enrolled in a venue yet (home: %1).</source>
        <translation>이 기기는 아직 어떤 포럼에도 등록되지 않았습니다(홈: %1).</translation>
    </message>
    <message>
        <source>Open a &amp;demo venue</source>
        <translation>데모 포럼 열기(&amp;D)</translation>
    </message>
    <message>
        <source>A complete venue on this computer only (127.0.0.1): several missions, channels of every kind and delegates who answer.</source>
        <translation>이 컴퓨터(127.0.0.1)에서만 실행되는 완전한 포럼: 여러 대표부, 모든 종류의 채널, 응답하는 대표들.</translation>
    </message>
    <message>
        <source>&amp;Enrol this device…</source>
        <translation>이 기기 등록(&amp;E)…</translation>
    </message>
    <message>
        <source>You need your accreditation letter (the venue root fingerprint) and your mission admin.</source>
        <translation>등록 확인서(포럼 루트 지문이 적힌 문서)와 대표부 관리자가 필요합니다.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n일</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n시간</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n분</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n초</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message>
        <source>Unlock Corridor</source>
        <translation>Corridor 잠금 해제</translation>
    </message>
    <message>
        <source>This device&apos;s keys are in a passphrase-protected file (no OS keyring is in use). Enter its passphrase to open
%1</source>
        <translation>이 기기의 키는 암호 문구로 보호된 파일에 있습니다(OS 키링을 사용하지 않음). 다음을 열려면 암호 문구를 입력하십시오.
%1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>암호 문구</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>잠금 해제(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>암호 문구(&amp;P):</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>암호 문구를 입력하십시오.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>잠금 해제 중…</translation>
    </message>
    <message>
        <source>1. This device&apos;s key</source>
        <translation>1. 이 기기의 키</translation>
    </message>
    <message>
        <source>Corridor makes a signature key on this computer (it never leaves it) and a certificate request for your mission admin.</source>
        <translation>Corridor는 이 컴퓨터에서 서명 키(컴퓨터 밖으로 나가지 않음)와 대표부 관리자에게 보낼 인증서 요청을 만듭니다.</translation>
    </message>
    <message>
        <source>as your mission admin gave it, e.g. amartin</source>
        <translation>대표부 관리자가 알려 준 대로, 예: amartin</translation>
    </message>
    <message>
        <source>your name as others see it, e.g. Alice Martin</source>
        <translation>다른 사람에게 보이는 이름, 예: Alice Martin</translation>
    </message>
    <message>
        <source>&amp;Delegate id:</source>
        <translation>대표 ID(&amp;D):</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>표시 이름(&amp;N):</translation>
    </message>
    <message>
        <source>This computer has no usable OS keyring: the key goes into a file protected by a passphrase you choose now (at least %1 characters). You will type it each time Corridor starts.</source>
        <translation>이 컴퓨터에는 사용할 수 있는 OS 키링이 없습니다. 키는 지금 정하는 암호 문구(%1자 이상)로 보호되는 파일에 저장됩니다. Corridor를 시작할 때마다 입력해야 합니다.</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>다시 입력(&amp;R):</translation>
    </message>
    <message>
        <source>Fill in your delegate id and display name.</source>
        <translation>대표 ID와 표시 이름을 입력하십시오.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>암호 문구는 %1자 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>두 암호 문구가 다릅니다.</translation>
    </message>
    <message>
        <source>Making the key and the request…</source>
        <translation>키와 요청을 만드는 중…</translation>
    </message>
    <message>
        <source>2. Send the request to your mission admin</source>
        <translation>2. 대표부 관리자에게 요청 보내기</translation>
    </message>
    <message>
        <source>They sign it and send you back your device certificate and your mission&apos;s certificate; the secretariat&apos;s venue root certificate comes with them.</source>
        <translation>관리자가 서명한 뒤 기기 인증서와 대표부 인증서를 돌려보냅니다. 사무국의 포럼 루트 인증서도 함께 옵니다.</translation>
    </message>
    <message>
        <source>&amp;Save a copy of the request…</source>
        <translation>요청 사본 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy its location</source>
        <translation>위치 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Send it by your ministry&apos;s usual channel. The request holds no secret. You may close Corridor now: the next time it starts, it continues with the next step. When your admin calls to confirm, read them the device key above.</source>
        <translation>소속 부처의 평소 경로로 보내십시오. 요청에는 비밀 정보가 없습니다. 지금 Corridor를 닫아도 됩니다. 다음에 시작하면 다음 단계부터 이어집니다. 관리자가 확인 전화를 하면 위의 기기 키를 읽어 주십시오.</translation>
    </message>
    <message>
        <source>Your request: %1</source>
        <translation>요청: %1</translation>
    </message>
    <message>
        <source>Device key: %1</source>
        <translation>기기 키: %1</translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation>요청 저장</translation>
    </message>
    <message>
        <source>Certificate request (*.pem)</source>
        <translation>인증서 요청(*.pem)</translation>
    </message>
    <message>
        <source>Your request: %1 (a copy is in %2)</source>
        <translation>요청: %1(사본 위치: %2)</translation>
    </message>
    <message>
        <source>3. Import your certificates</source>
        <translation>3. 인증서 가져오기</translation>
    </message>
    <message>
        <source>Choose the files your mission admin sent. The venue root is accepted only if its fingerprint matches your accreditation letter.</source>
        <translation>대표부 관리자가 보낸 파일을 선택하십시오. 포럼 루트는 지문이 등록 확인서와 일치할 때만 받아들여집니다.</translation>
    </message>
    <message>
        <source>C&amp;hoose the files…</source>
        <translation>파일 선택(&amp;H)…</translation>
    </message>
    <message>
        <source>Your &amp;device certificate:</source>
        <translation>기기 인증서(&amp;D):</translation>
    </message>
    <message>
        <source>Your &amp;mission&apos;s certificate:</source>
        <translation>대표부 인증서(&amp;M):</translation>
    </message>
    <message>
        <source>The venue &amp;root certificate:</source>
        <translation>포럼 루트 인증서(&amp;R):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>찾아보기</translation>
    </message>
    <message>
        <source>64 hex digits or 32 words, from the letter</source>
        <translation>확인서에 있는 16진수 64자리 또는 단어 32개</translation>
    </message>
    <message>
        <source>Root &amp;fingerprint:</source>
        <translation>루트 지문(&amp;F):</translation>
    </message>
    <message>
        <source>Re&amp;lay address:</source>
        <translation>릴레이 주소(&amp;L):</translation>
    </message>
    <message>
        <source>The files from your mission admin</source>
        <translation>대표부 관리자가 보낸 파일</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>인증서 (*.pem *.crt *.cer *.der);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>아직 없는 파일: %1</translation>
    </message>
    <message>
        <source>Choose a certificate</source>
        <translation>인증서 선택</translation>
    </message>
    <message>
        <source>Checking the fingerprint and the certificates…</source>
        <translation>지문과 인증서를 확인하는 중…</translation>
    </message>
    <message>
        <source>4. Enrolled</source>
        <translation>4. 등록 완료</translation>
    </message>
    <message>
        <source>The venue root is pinned and your certificate verifies.</source>
        <translation>포럼 루트가 고정되었고 인증서가 확인되었습니다.</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>이 기기 등록</translation>
    </message>
    <message>
        <source>&amp;Open the venue</source>
        <translation>포럼 열기(&amp;O)</translation>
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
        <translation>채널</translation>
    </message>
    <message>
        <source>&amp;New channel…</source>
        <translation>새 채널(&amp;N)…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <source>Connection to the relay</source>
        <translation>릴레이 연결</translation>
    </message>
    <message>
        <source>&amp;Corridor</source>
        <translation>Corridor(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>검색(&amp;S)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>설정(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Leave channel…</source>
        <translation>채널 나가기(&amp;L)…</translation>
    </message>
    <message>
        <source>Transparency log: my &amp;mission…</source>
        <translation>투명성 로그: 내 대표부(&amp;M)…</translation>
    </message>
    <message>
        <source>C&amp;risis desk…</source>
        <translation>위기 대응 데스크(&amp;R)…</translation>
    </message>
    <message>
        <source>My &amp;devices…</source>
        <translation>내 기기(&amp;D)…</translation>
    </message>
    <message>
        <source>E&amp;xport channel history…</source>
        <translation>채널 기록 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Back up history…</source>
        <translation>기록 백업(&amp;B)…</translation>
    </message>
    <message>
        <source>Rest&amp;ore history…</source>
        <translation>기록 복원(&amp;O)…</translation>
    </message>
    <message>
        <source>M&amp;ute this channel</source>
        <translation>이 채널 알림 끄기(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;hair</source>
        <translation>의장(&amp;H)</translation>
    </message>
    <message>
        <source>Post a revised &amp;agenda…</source>
        <translation>수정된 의제 게시(&amp;A)…</translation>
    </message>
    <message>
        <source>Convene an &amp;emergency meeting…</source>
        <translation>긴급 회의 소집(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>채널(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>메시지(&amp;M)</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>작성(&amp;O)</translation>
    </message>
    <message>
        <source>M&amp;embers</source>
        <translation>구성원(&amp;E)</translation>
    </message>
    <message>
        <source>Next &amp;unread channel</source>
        <translation>다음 읽지 않은 채널(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>키보드 단축키(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About Corridor</source>
        <translation>Corridor 정보(&amp;A)</translation>
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
        <translation>Corridor 열기(&amp;O)</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Corridor keeps running in the tray, so a hotline call can ring. Quit ends it.</source>
        <translation>핫라인 호출이 울릴 수 있도록 Corridor가 시스템 트레이에서 계속 실행됩니다. 종료하면 멈춥니다.</translation>
    </message>
    <message>
        <source>Corridor — %1 unread</source>
        <translation>Corridor — 읽지 않음 %1개</translation>
    </message>
    <message>
        <source>Classification ceiling: %1</source>
        <translation>비밀 등급 상한: %1</translation>
    </message>
    <message>
        <source>The venue&apos;s classification levels, lowest first: %1</source>
        <translation>회의장의 비밀 등급(낮은 순): %1</translation>
    </message>
    <message>
        <source>Only the chair posts in this notice channel.</source>
        <translation>이 공지 채널에는 의장만 게시합니다.</translation>
    </message>
    <message>
        <source>You can no longer post in this channel.</source>
        <translation>이 채널에 더 이상 게시할 수 없습니다.</translation>
    </message>
    <message>
        <source>A message was not sent: %1</source>
        <translation>메시지를 보내지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Security alarm: the relay&apos;s directory — %1</source>
        <translation>보안 경보: 릴레이 디렉터리 — %1</translation>
    </message>
    <message>
        <source>A change to this channel was voided by its missions</source>
        <translation>이 채널의 변경 사항이 해당 대표부들에 의해 무효화되었습니다</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>오프라인 — 다시 연결하는 중…</translation>
    </message>
    <message>
        <source>Emergency meeting</source>
        <translation>긴급 회의</translation>
    </message>
    <message>
        <source>%1 convened an emergency meeting</source>
        <translation>%1님이 긴급 회의를 소집했습니다</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>%1님의 새 메시지</translation>
    </message>
    <message>
        <source>⏱ Messages disappear after %1 (set by %2)</source>
        <translation>⏱ 메시지가 %1 후에 사라집니다(%2님이 설정)</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>About Corridor</source>
        <translation>Corridor 정보</translation>
    </message>
    <message>
        <source>Corridor %1</source>
        <translation>Corridor %1</translation>
    </message>
    <message>
        <source>End-to-end-encrypted messaging (MLS, RFC 9420) for the delegations of a multilateral forum.
Licensed under the Apache License, Version 2.0.</source>
        <translation>다자 포럼 대표단을 위한 종단 간 암호화 메시징(MLS, RFC 9420).
Apache License 2.0에 따라 배포됩니다.</translation>
    </message>
    <message>
        <source>This device trusts the venue whose root certificate has the fingerprint:
%1
%2
Compare it with the one the secretariat published.</source>
        <translation>이 기기는 루트 인증서 지문이 다음과 같은 포럼을 신뢰합니다:
%1
%2
사무국이 공개한 지문과 비교하세요.</translation>
    </message>
    <message>
        <source>Withdraw message</source>
        <translation>메시지 철회</translation>
    </message>
    <message>
        <source>Withdraw this message for everyone in the channel?</source>
        <translation>채널의 모든 사람에게서 이 메시지를 철회하시겠습니까?</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>채널 나가기</translation>
    </message>
    <message>
        <source>Leave “%1” on this device?</source>
        <translation>이 기기에서 “%1”을(를) 나가시겠습니까?</translation>
    </message>
    <message>
        <source>The messages you have stay readable on this device. It will receive no new messages in this channel, and the other members will see this device leave. Your other devices stay in the channel.</source>
        <translation>가지고 있는 메시지는 이 기기에서 계속 읽을 수 있습니다. 이 채널의 새 메시지는 더 이상 받지 않으며, 다른 구성원에게 이 기기가 나간 것이 표시됩니다. 다른 기기는 채널에 남습니다.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>나가기</translation>
    </message>
    <message>
        <source>You left “%1” on this device.</source>
        <translation>이 기기에서 “%1”을(를) 나갔습니다.</translation>
    </message>
    <message>
        <source>Offline: leaving “%1” goes at the next connection.</source>
        <translation>오프라인: “%1” 나가기는 다음 연결 때 전송됩니다.</translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation>메시지 삭제</translation>
    </message>
    <message>
        <source>This message was never delivered. Delete it from this device?</source>
        <translation>이 메시지는 전달되지 않았습니다. 이 기기에서 삭제하시겠습니까?</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation>“%1” 보내는 중…</translation>
    </message>
    <message>
        <source>“%1” is queued; the conversation shows it as sent once the relay has it.</source>
        <translation>“%1”이(가) 대기열에 있습니다. 릴레이가 받으면 대화에 보냄으로 표시됩니다.</translation>
    </message>
    <message>
        <source>“%1” is too large to send. Files up to %2 can be attached.</source>
        <translation>“%1”은(는) 너무 커서 보낼 수 없습니다. 최대 %2까지 첨부할 수 있습니다.</translation>
    </message>
    <message>
        <source>The relay&apos;s storage for your attachments is full, so “%1” was not sent. Ask the secretariat, or try again later.</source>
        <translation>릴레이의 첨부 파일 저장 공간이 가득 차서 “%1”을(를) 보내지 못했습니다. 사무국에 문의하거나 나중에 다시 시도하십시오.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” was not sent. Try again when you are back online.</source>
        <translation>릴레이에 연결할 수 없어 “%1”을(를) 보내지 못했습니다. 다시 온라인이 되면 시도하십시오.</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>“%1”을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>“%1”을(를) 보내지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Attachment not sent</source>
        <translation>첨부 파일을 보내지 못함</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>첨부 파일 저장</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>“%1” 다운로드 중…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>%1에 저장됨</translation>
    </message>
    <message>
        <source>“%1” was NOT saved: the file the relay returned does not match what the sender sent (it was altered or damaged on the way). Nothing was written. Ask the sender to send it again.</source>
        <translation>“%1”이(가) 저장되지 않았습니다. 릴레이가 돌려준 파일이 보낸 사람이 보낸 것과 일치하지 않습니다(전송 중 변조되거나 손상됨). 아무것도 기록하지 않았습니다. 보낸 사람에게 다시 보내 달라고 요청하십시오.</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” could not be downloaded.</source>
        <translation>릴레이에 연결할 수 없어 “%1”을(를) 다운로드하지 못했습니다.</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>“%1”을(를) 저장하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Attachment not saved</source>
        <translation>첨부 파일이 저장되지 않음</translation>
    </message>
    <message>
        <source>Creating “%1”…</source>
        <translation>“%1” 만드는 중…</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>기록 백업</translation>
    </message>
    <message numerus="yes">
        <source>Backed up the history of %n channel(s) to %1.</source>
        <translation>
            <numerusform>채널 %n개의 기록을 %1에 백업했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>기록 복원</translation>
    </message>
    <message numerus="yes">
        <source>Restored the history of %n channel(s) into %1.</source>
        <translation>
            <numerusform>채널 %n개의 기록을 %1에 복원했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Muted: only emergency meetings, acknowledgement requests and hotline calls notify from this channel.</source>
        <translation>알림 끔: 이 채널에서는 긴급 회의, 확인 요청, 핫라인 호출만 알립니다.</translation>
    </message>
    <message>
        <source>Notifications on for this channel.</source>
        <translation>이 채널의 알림을 켰습니다.</translation>
    </message>
    <message>
        <source>Export channel history</source>
        <translation>채널 기록 내보내기</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>웹 페이지 (*.html)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1, signed by this device.</source>
        <translation>
            <numerusform>메시지 %n개를 %1(으)로 내보내고 이 기기로 서명했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n일</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n시간</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n분</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n초</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Marking</name>
    <message>
        <source>Classification marking: only the levels the channel&apos;s ceiling allows are offered</source>
        <translation>비밀 등급 표시: 채널의 상한이 허용하는 등급만 제공됩니다</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>등급 표시(&amp;M):</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>this device</source>
        <translation>이 기기</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ 확인됨</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>확인 안 됨</translation>
    </message>
    <message>
        <source>Device key %1</source>
        <translation>기기 키 %1</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>%1 · observer</source>
        <translation>%1 · 옵서버</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>편집됨</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>read by %1</source>
        <translation>%1 읽음</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>%1 수신 확인</translation>
    </message>
    <message>
        <source>awaiting acknowledgement</source>
        <translation>수신 확인 대기 중</translation>
    </message>
    <message>
        <source>disappears %1</source>
        <translation>%1 사라짐</translation>
    </message>
    <message>
        <source>File: %1 · %2 · %3 — Save… (Ctrl+S)</source>
        <translation>파일: %1 · %2 · %3 — 저장…(Ctrl+S)</translation>
    </message>
    <message>
        <source>EMERGENCY MEETING</source>
        <translation>긴급 회의</translation>
    </message>
    <message>
        <source>Agenda notice (revision %1)</source>
        <translation>의제 공지(개정 %1)</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>회의: %1</translation>
    </message>
    <message>
        <source>Disappearing messages: %1</source>
        <translation>사라지는 메시지: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>이전 메시지</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>&amp;Notices and aid…</source>
        <translation>통보 및 지원(&amp;N)…</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>통보됨</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>변경됨</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n exercise(s)</source>
        <translation>
            <numerusform>%1: 훈련 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료됨</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>요청됨</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>제안됨</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>Exercise notice</source>
        <translation>훈련 사전 통보</translation>
    </message>
    <message>
        <source>%1 (ceiling %2)</source>
        <translation>%1 (상한 %2)</translation>
    </message>
    <message>
        <source>troops=3000, tanks=40</source>
        <translation>병력=3000, 전차=40</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>No channel to send to</source>
        <translation>보낼 채널이 없습니다</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>“%1”은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>지역</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>위도</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>경도</translation>
    </message>
    <message>
        <source>Forces</source>
        <translation>병력</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>활동</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>연락처</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>등급 표시</translation>
    </message>
    <message>
        <source>Request aid</source>
        <translation>지원 요청</translation>
    </message>
    <message>
        <source>water=20000:litres, tents=300</source>
        <translation>물=20000:리터, 텐트=300</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>초긴급</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>긴급</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>일상</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>필요 물자</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>긴급도</translation>
    </message>
    <message>
        <source>Incident notification</source>
        <translation>사건 통보</translation>
    </message>
    <message>
        <source>-90 to 90</source>
        <translation>-90~90</translation>
    </message>
    <message>
        <source>-180 to 180</source>
        <translation>-180~180</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>Units involved</source>
        <translation>관련 부대</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>발생 내용</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>설명 요청</translation>
    </message>
    <message>
        <source>Amend the annual exchange</source>
        <translation>연례 정보 교환 수정</translation>
    </message>
    <message>
        <source>Submit the annual exchange</source>
        <translation>연례 정보 교환 제출</translation>
    </message>
    <message>
        <source>what the amendment changes</source>
        <translation>수정으로 바뀌는 점</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>Amendment note</source>
        <translation>수정 메모</translation>
    </message>
    <message>
        <source>Say what the amendment changes</source>
        <translation>수정으로 무엇이 바뀌는지 적어 주십시오</translation>
    </message>
    <message>
        <source>Due date of the annual exchange</source>
        <translation>연례 정보 교환 기한</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>The due date must be in the future</source>
        <translation>기한은 미래여야 합니다</translation>
    </message>
    <message>
        <source>Publish a template</source>
        <translation>서식 게시</translation>
    </message>
    <message>
        <source>ship-incident</source>
        <translation>ship-incident</translation>
    </message>
    <message>
        <source>time, position, ship, intent</source>
        <translation>시각, 위치, 함정, 의도</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Fill in a template</source>
        <translation>서식 작성</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>서식</translation>
    </message>
    <message>
        <source>No template has been published</source>
        <translation>게시된 서식이 없습니다</translation>
    </message>
    <message>
        <source>Fill in %1</source>
        <translation>%1 을(를) 입력하십시오</translation>
    </message>
    <message>
        <source>Notices and aid</source>
        <translation>통보 및 지원</translation>
    </message>
    <message>
        <source>&amp;New exercise notice…</source>
        <translation>새 훈련 통보(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Cancel notice</source>
        <translation>통보 취소(&amp;C)</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>대표부</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>이력</translation>
    </message>
    <message>
        <source>Exercise register</source>
        <translation>훈련 등록부</translation>
    </message>
    <message>
        <source>&amp;Request aid…</source>
        <translation>지원 요청(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation>제안(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Accept offer</source>
        <translation>제안 수락(&amp;A)</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>전달됨으로 표시(&amp;D)</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>필요</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Unmet</source>
        <translation>미충족</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>제안</translation>
    </message>
    <message>
        <source>Disaster aid</source>
        <translation>재난 지원</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>달력</translation>
    </message>
    <message>
        <source>Report &amp;incident…</source>
        <translation>사건 통보(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Link to request</source>
        <translation>요청에 연결(&amp;L)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>부대</translation>
    </message>
    <message>
        <source>Requests for explanation and their incidents</source>
        <translation>설명 요청과 관련 사건</translation>
    </message>
    <message>
        <source>Asked of</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>What</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>사건</translation>
    </message>
    <message>
        <source>&amp;Fill in template…</source>
        <translation>서식 작성(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Publish template…</source>
        <translation>서식 게시(&amp;P)…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보낸 시각</translation>
    </message>
    <message>
        <source>By</source>
        <translation>작성자</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>서식</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>제출(&amp;S)…</translation>
    </message>
    <message>
        <source>Set &amp;due date…</source>
        <translation>기한 설정(&amp;D)…</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>제출</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Annual exchange</source>
        <translation>연례 정보 교환</translation>
    </message>
    <message>
        <source>&amp;Amend submission…</source>
        <translation>제출 수정(&amp;A)…</translation>
    </message>
    <message>
        <source>%1 (not held here)</source>
        <translation>%1 (이 기기에 없음)</translation>
    </message>
    <message>
        <source>Export the exercise register</source>
        <translation>훈련 등록부 내보내기</translation>
    </message>
    <message>
        <source>PDF for printing (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</source>
        <translation>인쇄용 PDF (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Corridor venue</source>
        <translation>Corridor 회의</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>모든 대표부</translation>
    </message>
    <message>
        <source>%1 (revision %2)</source>
        <translation>%1 (개정 %2)</translation>
    </message>
    <message>
        <source>Unmet needs: %1</source>
        <translation>미충족 필요: %1</translation>
    </message>
    <message>
        <source>No unmet needs</source>
        <translation>미충족 필요 없음</translation>
    </message>
    <message>
        <source>Annual exchange %1, due %2</source>
        <translation>연례 정보 교환 %1, 기한 %2</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>미제출</translation>
    </message>
    <message>
        <source>late</source>
        <translation>지연</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>No agenda has been posted yet.</source>
        <translation>아직 게시된 의제가 없습니다.</translation>
    </message>
    <message>
        <source>Post a revised a&amp;genda…</source>
        <translation>수정된 의제 게시(&amp;G)…</translation>
    </message>
    <message>
        <source>Pinned agenda:</source>
        <translation>고정된 의제:</translation>
    </message>
    <message>
        <source>Pinned agenda</source>
        <translation>고정된 의제</translation>
    </message>
    <message>
        <source>Revision %1 · posted by %2 · %3</source>
        <translation>개정 %1 · %2 게시 · %3</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>수신 확인(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>숨기기(&amp;H)</translation>
    </message>
    <message>
        <source>Acknowledgement tracker</source>
        <translation>수신 확인 현황</translation>
    </message>
    <message>
        <source>EMERGENCY — meeting convened by %1</source>
        <translation>긴급 — %1님이 회의를 소집함</translation>
    </message>
    <message>
        <source>%1 of %2 missions have not yet acknowledged: %3</source>
        <translation>%2개 대표부 중 %1곳이 아직 수신 확인하지 않음: %3</translation>
    </message>
    <message>
        <source>Every mission has acknowledged.</source>
        <translation>모든 대표부가 수신을 확인했습니다.</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>보기(&amp;O)</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>수신 확인(&amp;K)</translation>
    </message>
    <message>
        <source>Hotline: %1 awaits your mission&apos;s acknowledgement: “%2”</source>
        <translation>핫라인: %1님이 귀 대표부의 수신 확인을 기다립니다: “%2”</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>(%1개 더)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>Members by mission</source>
        <translation>대표부별 구성원</translation>
    </message>
    <message>
        <source>&amp;Verify device…</source>
        <translation>기기 확인(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <source>Everything in the app can be done from the keyboard: Tab moves between controls, the arrow keys within lists.</source>
        <translation>앱의 모든 작업은 키보드로 할 수 있습니다. Tab으로 컨트롤 사이를 이동하고 화살표 키로 목록 안을 이동합니다.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>메뉴</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <source>✓ %1 — acknowledged by %2</source>
        <translation>✓ %1 — %2 수신 확인</translation>
    </message>
    <message>
        <source>✗ %1 — read, not yet acknowledged</source>
        <translation>✗ %1 — 읽음, 아직 수신 확인 안 함</translation>
    </message>
    <message>
        <source>✗ %1 — not yet answered</source>
        <translation>✗ %1 — 아직 응답 없음</translation>
    </message>
</context>
<context>
    <name>Transparency</name>
    <message>
        <source>Alarm: %1</source>
        <translation>경보: %1</translation>
    </message>
    <message>
        <source>signed tree head: size %1, root %2</source>
        <translation>서명된 트리 헤드: 크기 %1, 루트 %2</translation>
    </message>
    <message>
        <source>record (DER, %1 bytes): %2…</source>
        <translation>레코드(DER, %1바이트): %2…</translation>
    </message>
    <message>
        <source>Directory: checking…</source>
        <translation>디렉터리: 확인 중…</translation>
    </message>
    <message>
        <source>✔ Directory verified</source>
        <translation>✔ 디렉터리 확인됨</translation>
    </message>
    <message>
        <source>⚠ Directory not verified</source>
        <translation>⚠ 디렉터리 확인 안 됨</translation>
    </message>
    <message>
        <source>Directory verification</source>
        <translation>디렉터리 확인</translation>
    </message>
    <message>
        <source>Every member&apos;s certificate is in the venue&apos;s transparency log, and every tree head seen agrees.</source>
        <translation>모든 구성원의 인증서가 포럼의 투명성 로그에 있고, 확인한 모든 트리 헤드가 일치합니다.</translation>
    </message>
    <message>
        <source>The relay&apos;s directory could not be verified for this conversation. Keep the evidence below and tell your security officer.</source>
        <translation>이 대화에 대한 릴레이 디렉터리를 확인할 수 없습니다. 아래 증거를 보관하고 보안 담당자에게 알리십시오.</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>일련번호</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>주체</translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>경보</translation>
    </message>
    <message>
        <source>Transparency log: my mission</source>
        <translation>투명성 로그: 내 대표부</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>로그를 읽는 중…</translation>
    </message>
    <message>
        <source>Issued certificates folder…</source>
        <translation>발급된 인증서 폴더…</translation>
    </message>
    <message>
        <source>The mission&apos;s issued/ folder</source>
        <translation>대표부의 issued/ 폴더</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</source>
        <translation>
            <numerusform>로그에 경보 %n건(항목 수: %1): 이 대표부가 발급하지 않은 인증서가 있습니다. 인증서를 폐기하고 대표부 키를 누가 가지고 있는지 확인하십시오.</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate the mission did not issue (log entries: %1, checked against its signed head).</source>
        <translation>대표부가 발급하지 않은 인증서가 없습니다(로그 항목 수: %1, 서명된 헤드와 대조함).</translation>
    </message>
    <message>
        <source>The log could not be checked: %1</source>
        <translation>로그를 확인할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>Venues</name>
    <message>
        <source>%1: %2 unread</source>
        <translation>%1: 읽지 않음 %2개</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>Add a venue — choose its home directory</source>
        <translation>포럼 추가 — 홈 폴더 선택</translation>
    </message>
    <message>
        <source>Open venue</source>
        <translation>포럼 열기</translation>
    </message>
    <message>
        <source>&amp;Open Corridor</source>
        <translation>Corridor 열기(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>포럼</translation>
    </message>
    <message>
        <source>Venues: switch, open a known one, or add one</source>
        <translation>포럼: 전환, 알려진 포럼 열기 또는 추가</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Close this venue</source>
        <translation>이 포럼 닫기</translation>
    </message>
    <message>
        <source>Close this venue (its connection ends; the others keep running)</source>
        <translation>이 포럼 닫기(연결이 끝나며 다른 포럼은 계속 실행됩니다)</translation>
    </message>
    <message>
        <source>%1 (not open)</source>
        <translation>%1(열리지 않음)</translation>
    </message>
    <message>
        <source>Add a venue…</source>
        <translation>포럼 추가…</translation>
    </message>
</context>
</TS>
