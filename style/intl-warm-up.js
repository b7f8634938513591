new Intl.NumberFormat('zh-CN',{notation:'compact'}).format(1);postMessage(0);close()
