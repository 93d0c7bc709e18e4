; Faxdesk's additions to the Windows installer (electron-builder includes this file: nsis.include).
; "Send to → Faxdesk" in Explorer's context menu: a shortcut in the user's SendTo folder. Explorer
; passes the chosen files as arguments, which the running Faxdesk receives (single instance) and
; validates in the core before anything reads them (main/core/desktop/openRequests.ts).
!macro customInstall
  CreateShortCut "$SENDTO\Faxdesk.lnk" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" 0
!macroend

!macro customUnInstall
  Delete "$SENDTO\Faxdesk.lnk"
!macroend
