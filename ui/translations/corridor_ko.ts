<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>an unexpected error (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo venue (an embedded relay on 127.0.0.1, several missions, channels of every kind)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(demo venue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this device&apos;s key file. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are %1 (%2) of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your certificate is valid until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue root (pinned): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open Corridor: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelList</name>
    <message>
        <source>Notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multilateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caucus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>routing warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save attachment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the &amp;newest messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard unsent message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message — Enter sends, Shift+Enter for a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs ac&amp;knowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotline: the other missions are asked to acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Exactly two missions: yours and one other. Nobody can change the pair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several missions (a working group). You convene it and may change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private group of allied missions, invisible to everyone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every mission of the venue; only the chair posts. Chair only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What kind of channel?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind decides who may join, who may change the members and who may post. It never changes later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bilateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Multilateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Caucus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and missions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: Working group on incident prevention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Missions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (your mission)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ The channel policy allows this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of the safety number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code unavailable (install qrcode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare these words with %1, in person or on a call you trust. If they match on both devices, nobody has substituted a key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device: %1
Their device: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They &amp;match — mark as verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified ✔ — close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when Corridor restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disappearing messages in “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search this device&apos;s messages (whole words; “word*” for a prefix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Post a revised agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convene an emergency meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Conference room B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the meeting is needed: every mission reads this before acknowledging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Convene now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason: every mission reads it before acknowledging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every mission in “%1” will be alarmed and asked to acknowledge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Corridor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device is not enrolled in a venue yet (home: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a &amp;demo venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A complete venue on this computer only (127.0.0.1): several missions, channels of every kind and delegates who answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol this device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You need your accreditation letter (the venue root fingerprint) and your mission admin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message>
        <source>Unlock Corridor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device&apos;s keys are in a passphrase-protected file (no OS keyring is in use). Enter its passphrase to open
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. This device&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corridor makes a signature key on this computer (it never leaves it) and a certificate request for your mission admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as your mission admin gave it, e.g. amartin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your name as others see it, e.g. Alice Martin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delegate id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no usable OS keyring: the key goes into a file protected by a passphrase you choose now (at least %1 characters). You will type it each time Corridor starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in your delegate id and display name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the key and the request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Send the request to your mission admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They sign it and send you back your device certificate and your mission&apos;s certificate; the secretariat&apos;s venue root certificate comes with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save a copy of the request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy its location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it by your ministry&apos;s usual channel. The request holds no secret. You may close Corridor now: the next time it starts, it continues with the next step. When your admin calls to confirm, read them the device key above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate request (*.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request: %1 (a copy is in %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Import your certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the files your mission admin sent. The venue root is accepted only if its fingerprint matches your accreditation letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;device certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;mission&apos;s certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The venue &amp;root certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>64 hex digits or 32 words, from the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root &amp;fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;lay address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files from your mission admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the fingerprint and the certificates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The venue root is pinned and your certificate verifies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the venue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Corridor — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New channel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to the relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Corridor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave channel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparency log: my &amp;mission…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post a revised &amp;agenda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convene an &amp;emergency meeting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;embers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;unread channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Corridor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corridor — %1 unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the chair posts in this notice channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can no longer post in this channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message was not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security alarm: the relay&apos;s directory — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change to this channel was voided by its missions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 convened an emergency meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⏱ Messages disappear after %1 (set by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Corridor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corridor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-to-end-encrypted messaging (MLS, RFC 9420) for the delegations of a multilateral forum.
Licensed under the Apache License, Version 2.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw this message for everyone in the channel?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave “%1” on this device?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages you have stay readable on this device. It will receive no new messages in this channel, and the other members will see this device leave. Your other devices stay in the channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You left “%1” on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: leaving “%1” goes at the next connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was never delivered. Delete it from this device?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too large to send. Files up to %2 can be attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay&apos;s storage for your attachments is full, so “%1” was not sent. Ask the secretariat, or try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” was not sent. Try again when you are back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was NOT saved: the file the relay returned does not match what the sender sent (it was altered or damaged on the way). Nothing was written. Ask the sender to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” could not be downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device key %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disappears %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1 · %2 · %3 — Save… (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMERGENCY MEETING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda notice (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disappearing messages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>No agenda has been posted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post a revised a&amp;genda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned agenda:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 · posted by %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMERGENCY — meeting convened by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 missions have not yet acknowledged: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every mission has acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotline: %1 awaits your mission&apos;s acknowledgement: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members by mission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify device…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <source>✓ %1 — acknowledged by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1 — read, not yet acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1 — not yet answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transparency</name>
    <message>
        <source>Alarm: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed tree head: size %1, root %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record (DER, %1 bytes): %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Directory verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Directory not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every member&apos;s certificate is in the venue&apos;s transparency log, and every tree head seen agrees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay&apos;s directory could not be verified for this conversation. Keep the evidence below and tell your security officer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparency log: my mission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued certificates folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mission&apos;s issued/ folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate the mission did not issue (log entries: %1, checked against its signed head).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
