"""Times LibreOffice on xlsx files through its own scripting interface (python3-uno).

Usage: python3 recalc.py PROFILE_DIR SPEC.json -> prints one JSON line per file:
  {"file", "load", "calc", "save", "edits": {name: seconds}}
SPEC: [{"file": path, "sheet": entry sheet name, "edits": [{"name", "cell", "value"}]}]
`calc` is calculateAll() after load (recalculation of every formula); each edit types one value
and times calculate() (what a clerk waits for). Times are process CPU seconds of soffice, one
fresh soffice per file.
"""
import json, os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue


def prop(n, v):
    p = PropertyValue()
    p.Name = n
    p.Value = v
    return p


def cpu(pid):
    with open(f'/proc/{pid}/stat') as f:
        parts = f.read().rsplit(')', 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf('SC_CLK_TCK')


def session(profile, items):
    """One soffice for the given files (the heap of an earlier document makes the next one's save slower)."""
    port = 20000 + (os.getpid() * 7 + len(items) + int(time.time())) % 20000
    proc = subprocess.Popen(
        ['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--norestore', '--invisible',
         f'--accept=socket,host=127.0.0.1,port={port};urp;'],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pid = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        ctx = None
        for _ in range(300):
            try:
                ctx = resolver.resolve(f'uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext')
                break
            except Exception:
                time.sleep(0.2)
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        # soffice.bin is the child doing the work
        pids = subprocess.run(['pgrep', '-P', str(proc.pid)], capture_output=True, text=True).stdout.split()
        pid = int(pids[0]) if pids else proc.pid
        for item in items:
            t = cpu(pid)
            doc = desktop.loadComponentFromURL('file://' + item['file'], '_blank', 0, (prop('Hidden', True),))
            load = cpu(pid) - t
            t = cpu(pid)
            doc.calculateAll()
            calc = cpu(pid) - t
            out = item['file'] + '.lo.xlsx'
            t = cpu(pid)
            doc.storeToURL('file://' + out, (prop('FilterName', 'Calc MS Excel 2007 XML'),))
            save = cpu(pid) - t
            edits = {}
            sheet = doc.Sheets.getByName(item['sheet'])
            for e in item.get('edits', []):
                cell = sheet.getCellRangeByName(e['cell'])
                t = cpu(pid)
                if isinstance(e['value'], str):
                    cell.setString(e['value'])
                else:
                    cell.setValue(e['value'])
                doc.calculate()
                edits[e['name']] = cpu(pid) - t
            doc.close(True)
            print(json.dumps({'file': item['file'], 'load': load, 'calc': calc, 'save': save, 'edits': edits}), flush=True)
    finally:
        proc.terminate()
        proc.wait()
        # The next session's soffice must not find this one still holding the profile.
        for _ in range(150):
            if pid is None or not os.path.exists(f'/proc/{pid}'):
                break
            time.sleep(0.2)
        else:
            os.kill(pid, 9)


def main():
    profile, spec_path = sys.argv[1], sys.argv[2]
    spec = json.load(open(spec_path))
    # A fresh soffice per file: in one long-running process the save of the same file varied by
    # up to 2x with the documents opened before it (malloc's free lists; see docs/workbook.md).
    for item in spec:
        session(profile, [item])


main()
