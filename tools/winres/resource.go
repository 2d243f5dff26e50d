package main

import (
	"fmt"
	"strings"
)

// resourceScript returns the .rc file that windres compiles. The icon
// group is named GLFW_ICON because GLFW 3.3 loads the icon of that name
// for its window class. It is the only icon group, so Explorer shows it
// too. The strings are UTF-8, so the script declares code page 65001,
// and windres stores them as UTF-16 for Windows.
func resourceScript(details appDetails, version fileVersion) []byte {
	commas := strings.ReplaceAll(version.String(), ".", ",")
	var b strings.Builder
	fmt.Fprintf(&b, "#pragma code_page(65001)\n\n")
	fmt.Fprintf(&b, "GLFW_ICON ICON \"sotay.ico\"\n")
	fmt.Fprintf(&b, "1 24 \"sotay.manifest\" // RT_MANIFEST for the process\n\n")

	fmt.Fprintf(&b, "1 VERSIONINFO\n")
	fmt.Fprintf(&b, "FILEVERSION %s\n", commas)
	fmt.Fprintf(&b, "PRODUCTVERSION %s\n", commas)
	fmt.Fprintf(&b, "FILEFLAGSMASK 0x3f\nFILEFLAGS 0\n")
	fmt.Fprintf(&b, "FILEOS 0x40004 // VOS_NT_WINDOWS32\n")
	fmt.Fprintf(&b, "FILETYPE 1 // VFT_APP\nFILESUBTYPE 0\n")
	fmt.Fprintf(&b, "BEGIN\n")
	fmt.Fprintf(&b, "  BLOCK \"StringFileInfo\"\n  BEGIN\n")
	fmt.Fprintf(&b, "    BLOCK \"042A04B0\" // Vietnamese, UTF-16\n    BEGIN\n")
	for _, kv := range [][2]string{
		{"FileDescription", details.Name},
		{"FileVersion", version.String()},
		{"ProductName", details.Name},
		{"ProductVersion", details.Version},
		{"InternalName", details.ID},
	} {
		fmt.Fprintf(&b, "      VALUE %s, %s\n", quoteRC(kv[0]), quoteRC(kv[1]))
	}
	fmt.Fprintf(&b, "    END\n  END\n")
	fmt.Fprintf(&b, "  BLOCK \"VarFileInfo\"\n  BEGIN\n")
	fmt.Fprintf(&b, "    VALUE \"Translation\", 0x042A, 1200\n")
	fmt.Fprintf(&b, "  END\nEND\n")
	return []byte(b.String())
}

// quoteRC quotes s as a resource script string, in which a quote is
// written twice and a backslash starts an escape.
func quoteRC(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `"`, `""`)
	return `"` + s + `"`
}

// manifest returns the application manifest: Windows 10 and 11 as the
// supported systems, per-monitor DPI awareness (GLFW scales its windows
// itself) and no elevation.
func manifest(id string, version fileVersion) []byte {
	return []byte(fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="%s" version="%s" processorArchitecture="amd64"/>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application>
      <!-- Windows 10 and Windows 11 -->
      <supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/>
    </application>
  </compatibility>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">permonitorv2,permonitor</dpiAwareness>
    </windowsSettings>
  </application>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security>
      <requestedPrivileges>
        <requestedExecutionLevel level="asInvoker" uiAccess="false"/>
      </requestedPrivileges>
    </security>
  </trustInfo>
</assembly>
`, xmlAttr(id), version))
}

// xmlAttr escapes s for a double-quoted XML attribute.
func xmlAttr(s string) string {
	return strings.NewReplacer(`&`, "&amp;", `<`, "&lt;", `"`, "&quot;").Replace(s)
}
